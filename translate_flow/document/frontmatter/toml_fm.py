"""TOML front matter: tomllib for the values, a small scanner for where strings sit.

tomllib reports no positions, so a scanner walks the same text and records the
span of every string. Each span is checked against tomllib's value; a string the
scanner cannot place is simply not located (and so not extracted), never guessed.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from translate_flow.document.frontmatter.model import FrontMatter, Path_, ScalarSpan, body_line_after, line_number
from translate_flow.document.frontmatter.nesting import check_toml, check_toml_data
from translate_flow.errors import ArticleError
from translate_flow.textutil import LINE_END_RE, toml_error

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_WS = re.compile(r"[ \t]*")
_WS_NL_COMMENT = re.compile(r"(?:[ \t\r\n]|#[^\r\n]*)*")
_SCALAR_END = re.compile(r"[^,\]}\r\n#]*")
_LONE_CR = re.compile(r"\r(?!\n)")


class _Stop(Exception):
    """The scanner met something it does not model; keep what it found so far."""


class _Scanner:
    def __init__(self, text: str, base: int) -> None:
        self.s = text
        self.i = 0
        self.base = base
        self.found: dict[Path_, ScalarSpan] = {}

    def ws(self) -> None:
        self.i = _WS.match(self.s, self.i).end()  # type: ignore[union-attr]

    def ws_nl(self) -> None:
        self.i = _WS_NL_COMMENT.match(self.s, self.i).end()  # type: ignore[union-attr]

    def expect(self, token: str) -> None:
        if not self.s.startswith(token, self.i):
            raise _Stop
        self.i += len(token)

    def string(self) -> tuple[str, str, int]:
        """Parse a string literal at ``i``: (value, style, start)."""
        s, start = self.s, self.i
        for quote in ('"""', "'''", '"', "'"):
            if s.startswith(quote, start):
                break
        else:
            raise _Stop
        if len(quote) == 3:
            end = s.find(quote, start + 3)
            if quote == '"""':
                while end >= 0 and _escaped(s, end):
                    end = s.find(quote, end + 1)
            if end < 0:
                raise _Stop
            end += 3
            # Up to two quotes may directly precede the closing delimiter.
            while end < len(s) and s[end] == quote[0] and end - start < len(s):
                end += 1
        else:
            end = start + 1
            while end < len(s) and s[end] != quote and s[end] not in "\r\n":
                end += 2 if quote == '"' and s[end] == "\\" else 1
            if end >= len(s) or s[end] != quote:
                raise _Stop
            end += 1
        literal = s[start:end]
        try:
            value = tomllib.loads("v = " + literal)["v"]
        except tomllib.TOMLDecodeError as exc:
            raise _Stop from exc
        self.i = end
        return value, quote, start

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.ws()
            if self.i < len(self.s) and self.s[self.i] in "\"'":
                value, _, _ = self.string()
                parts.append(value)
            else:
                match = _BARE_KEY.match(self.s, self.i)
                if match is None:
                    raise _Stop
                parts.append(match.group())
                self.i = match.end()
            self.ws()
            if self.s.startswith(".", self.i):
                self.i += 1
                continue
            return tuple(parts)

    def value(self, path: Path_) -> None:
        s = self.s
        if self.i >= len(s):
            raise _Stop
        ch = s[self.i]
        if ch in "\"'":
            value, style, start = self.string()
            self.found[path] = ScalarSpan(self.base + start, self.base + self.i, style, value)
        elif ch == "[":
            self.i += 1
            index = 0
            while True:
                self.ws_nl()
                if s.startswith("]", self.i):
                    self.i += 1
                    return
                self.value(path + (index,))
                index += 1
                self.ws_nl()
                if s.startswith(",", self.i):
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self.ws()
                if s.startswith("}", self.i):
                    self.i += 1
                    return
                keys = self.key()
                self.expect("=")
                self.ws()
                self.value(path + keys)
                self.ws()
                if s.startswith(",", self.i):
                    self.i += 1
        else:
            self.i = _SCALAR_END.match(s, self.i).end()  # type: ignore[union-attr]

    def run(self) -> None:
        table: Path_ = ()
        array_tables: dict[tuple[str, ...], int] = {}
        s = self.s
        while True:
            self.ws_nl()
            if self.i >= len(s):
                return
            if s.startswith("[[", self.i):
                self.i += 2
                keys = self.key()
                self.expect("]]")
                array_tables[keys] = array_tables.get(keys, -1) + 1
                table = self._table_path(keys, array_tables)
            elif s.startswith("[", self.i):
                self.i += 1
                keys = self.key()
                self.expect("]")
                table = self._table_path(keys, array_tables)
            else:
                keys = self.key()
                self.expect("=")
                self.ws()
                self.value(table + keys)

    @staticmethod
    def _table_path(keys: tuple[str, ...], array_tables: dict[tuple[str, ...], int]) -> Path_:
        path: list[str | int] = []
        for n in range(1, len(keys) + 1):
            path.append(keys[n - 1])
            if keys[:n] in array_tables:
                path.append(array_tables[keys[:n]])
        return tuple(path)


def _escaped(s: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and s[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _lookup(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def parse(text: str, start: int, end: int, close_end: int, path: str) -> FrontMatter:
    # TOML knows no CR-only line endings; CR -> LF keeps every offset, so spans stay exact.
    inner = _LONE_CR.sub("\n", text[start:end])
    first_line = line_number(text, start)
    check_toml(inner, path, first_line)
    try:
        data = tomllib.loads(inner)
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_error(exc)
        line = first_line + (line or len(LINE_END_RE.split(inner))) - 1
        raise ArticleError(f"invalid TOML front matter: {message}", path, line) from exc
    check_toml_data(data, inner, path, first_line)
    scanner = _Scanner(inner, start)
    try:
        scanner.run()
    except (_Stop, RecursionError):
        pass
    scalars = {p: span for p, span in scanner.found.items() if _lookup(data, p) == span.value}
    return FrontMatter("toml", body_line_after(text, close_end), data, scalars)


def _basic(value: str, multiline: bool) -> str:
    out = []
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n" and multiline:
            out.append("\n")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    return "".join(out)


def basic_string(value: str) -> str:
    """``value`` as a one-line TOML basic string."""
    return '"' + _basic(value, multiline=False) + '"'


def render(text: str, span: ScalarSpan, new: str) -> str:
    """``new`` as a TOML string in the style of the source value, with the file's line endings."""
    plain = all(ch == "\t" or (ord(ch) >= 0x20 and ord(ch) != 0x7F) for ch in new.replace("\n", ""))
    if span.style == "'" and plain and "'" not in new and "\n" not in new:
        return "'" + new + "'"
    source = text[span.start : span.end]
    eol = "\r\n" if "\r\n" in source else "\r" if "\r" in source else "\n"
    # A line break right after the opening quotes is not part of the value; keep it if it was there.
    opening = source[:3] + (eol if source[3:4] in ("\r", "\n") else "")
    if span.style == "'''" and plain and "'''" not in new and not new.endswith("'"):
        return opening + new.replace("\n", eol) + "'''"
    if span.style in ('"""', "'''") and "\n" in new:
        return '"""' + opening[3:] + _basic(new, multiline=True).replace("\n", eol) + '"""'
    return basic_string(new)
