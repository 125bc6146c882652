"""JSON front matter: the object at the start of the file, with string positions."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]

from translate_flow.document.frontmatter.model import FrontMatter, Path_, ScalarSpan, body_line_after
from translate_flow.document.frontmatter.nesting import check_json
from translate_flow.errors import ArticleError

_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()


def parse(text: str, path: str) -> FrontMatter:
    check_json(text, path)
    try:
        data, end = _DECODER.raw_decode(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"invalid JSON front matter: {exc.msg}", path, exc.lineno) from exc
    except RecursionError as exc:
        raise ArticleError("JSON front matter is nested too deeply", path, 1) from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise ArticleError(f"invalid JSON front matter: {exc}", path, 1) from exc
    if not isinstance(data, dict):
        raise ArticleError("front matter is not a mapping", path, 1)
    rest = re.compile(r"[ \t]*(?:\r\n|\r|\n|\Z)").match(text, end)
    if rest is None:
        line = text.count("\n", 0, end) + 1
        raise ArticleError("JSON front matter must end its line after the closing '}'", path, line)
    scalars: dict[Path_, ScalarSpan] = {}
    try:
        _scan(text, 0, (), scalars)
    except RecursionError as exc:
        raise ArticleError("JSON front matter is nested too deeply", path, 1) from exc
    return FrontMatter("json", body_line_after(text, rest.end()), data, scalars)


def _ws(s: str, i: int) -> int:
    return _WS.match(s, i).end()  # type: ignore[union-attr]


def _scan(s: str, i: int, path: Path_, out: dict[Path_, ScalarSpan]) -> int:
    """Record string positions of the (already validated) value at ``i``; return its end."""
    ch = s[i]
    if ch == "{":
        i = _ws(s, i + 1)
        if s[i] == "}":
            return i + 1
        while True:
            key, i = scanstring(s, i + 1)
            i = _ws(s, _ws(s, i) + 1)  # skip ':'
            i = _ws(s, _scan(s, i, path + (key,), out))
            if s[i] == "}":
                return i + 1
            i = _ws(s, i + 1)
    if ch == "[":
        i = _ws(s, i + 1)
        if s[i] == "]":
            return i + 1
        index = 0
        while True:
            i = _ws(s, _scan(s, i, path + (index,), out))
            index += 1
            if s[i] == "]":
                return i + 1
            i = _ws(s, i + 1)
    if ch == '"':
        value, end = scanstring(s, i + 1)
        style = "ascii" if "\\u" in s[i:end] else "utf8"
        out[path] = ScalarSpan(i, end, style, value)
        return int(end)
    _, end = _DECODER.raw_decode(s, i)
    return int(end)
