"""JSON resource files as a tree: ``json`` validates, and a scan of the same text (with the
standard library's own string scanner) records where each key and value sits."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]

from translate_flow.document.frontmatter import ScalarSpan
from translate_flow.document.frontmatter.nesting import check_json
from translate_flow.errors import ResourceError
from translate_flow.resources.tree import Member, Node

__all__ = ["read"]

_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()


def read(text: str, rel: str) -> Node:
    """The tree of a JSON file: an object or an array."""
    check_json(text, rel)
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResourceError(f"invalid JSON: {exc.msg}", rel, exc.lineno) from exc
    except RecursionError as exc:
        raise ResourceError("JSON is nested too deeply", rel, 1) from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise ResourceError(f"invalid JSON: {exc}", rel, 1) from exc
    try:
        node, _ = _scan(text, _ws(text, 0))
    except RecursionError as exc:
        raise ResourceError("JSON is nested too deeply", rel, 1) from exc
    return node


def _ws(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def _scan(s: str, i: int) -> tuple[Node, int]:
    """The (already validated) value at ``i`` and its end."""
    ch = s[i]
    opening = i
    if ch == "{":
        members: list[Member] = []
        i = _ws(s, i + 1)
        while s[i] != "}":
            start = i
            key, i = scanstring(s, i + 1)
            i = _ws(s, _ws(s, i) + 1)  # past the colon
            node, i = _scan(s, i)
            members.append(Member(key, start, node))
            i = _ws(s, i)
            if s[i] == ",":
                i = _ws(s, i + 1)
        end = i + 1
        return Node("map", opening, end, tuple(members)), end
    if ch == "[":
        items: list[Member] = []
        i = _ws(s, i + 1)
        while s[i] != "]":
            node, after = _scan(s, i)
            items.append(Member(len(items), i, node))
            i = _ws(s, after)
            if s[i] == ",":
                i = _ws(s, i + 1)
        end = i + 1
        return Node("list", opening, end, tuple(items)), end
    if ch == '"':
        value, end = scanstring(s, i + 1)
        # A value written with \\u escapes keeps them when it is translated.
        style = "ascii" if "\\u" in s[i:end] else "utf8"
        return Node("str", i, end, scalar=ScalarSpan(i, end, style, value)), end
    _, end = _DECODER.raw_decode(s, i)
    return Node("other", i, end), end
