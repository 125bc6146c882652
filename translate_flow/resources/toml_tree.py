"""TOML resource files as a tree: tomllib gives the values, the front-matter scanner where each
string sits, and TOML's own rule (a key, its ``=`` and its value share one line) where each key
starts. A place that cannot be told is left unknown (``unplaced``), never guessed."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from translate_flow.document.frontmatter import Path_, ScalarSpan, toml_fm
from translate_flow.resources.tree import Member, Node

__all__ = ["read"]

_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')"""
_KEY = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
# What stands before a value on its line: ``key =`` (searched for at the end of the line so far).
_ASSIGNED = re.compile(rf"({_KEY})[ \t]*=[ \t]*\Z")
_OPENS_INLINE = re.compile(rf"({_KEY})[ \t]*=[ \t]*(\{{)[ \t]*\Z")
_HEADER = re.compile(rf"^[ \t]*(\[)[ \t]*({_KEY})[ \t]*\][ \t]*(?:#[^\r\n]*)?$", re.MULTILINE)
_INLINE_END = re.compile(r"[ \t]*\}")


def read(text: str, rel: str) -> Node:
    """The tree of a TOML file (always a table)."""
    matter = toml_fm.parse(text, 0, len(text), len(text), rel)
    return _Builder(text, matter.scalars).node(matter.data, ())


def _parts(key: str) -> tuple[str, ...] | None:
    """A (dotted, quoted) key's parts, read by tomllib itself."""
    try:
        value: Any = tomllib.loads(key + " = 0")
    except tomllib.TOMLDecodeError:
        return None
    parts: list[str] = []
    while isinstance(value, dict) and len(value) == 1:
        name, value = next(iter(value.items()))
        parts.append(name)
    return tuple(parts)


class _Builder:
    def __init__(self, text: str, spans: dict[Path_, ScalarSpan]) -> None:
        self.text = text
        self.spans = spans
        self.keys: dict[Path_, int] = {}
        for match in _HEADER.finditer(text):
            parts = _parts(match.group(2))
            if parts:
                self.keys.setdefault(parts, match.start(1))
        for path, span in spans.items():
            self._key_before(path, span.start)

    def _line_start(self, offset: int) -> int:
        return max(self.text.rfind("\n", 0, offset), self.text.rfind("\r", 0, offset)) + 1

    def _key_before(self, path: Path_, offset: int) -> None:
        """Record where the key of the value at ``offset`` starts, for every part of a dotted key."""
        start = self._line_start(offset)
        match = _ASSIGNED.search(self.text, start, offset)
        parts = _parts(match.group(1)) if match else None
        if match is None or not parts or tuple(path[len(path) - len(parts) :]) != parts:
            return
        for count in range(1, len(parts) + 1):
            self.keys.setdefault(path[: len(path) - len(parts) + count], match.start(1))

    def node(self, value: object, path: Path_) -> Node:
        if isinstance(value, str):
            span = self.spans.get(path)
            return Node("str", span.start, span.end, scalar=span) if span else Node("unplaced", -1, -1)
        if isinstance(value, dict | list):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            members: list[Member] = []
            for key, item in items:
                child = self.node(item, (*path, key))
                members.append(Member(key, self.keys.get((*path, key), child.start), child))
            return self._container("map" if isinstance(value, dict) else "list", members, path)
        # Numbers, booleans and dates: tomllib says nothing of where they are.
        return Node("unplaced", -1, -1)

    def _container(self, kind: str, members: list[Member], path: Path_) -> Node:
        placed = [m for m in members if m.start >= 0 and m.node.placed]
        if not placed:
            return Node(kind, -1, -1, tuple(members))
        start = min(m.start for m in placed)
        end = max(m.node.end for m in placed)
        if kind == "map":
            inline = _OPENS_INLINE.search(self.text, self._line_start(start), start)
            parts = _parts(inline.group(1)) if inline else None
            if inline is not None and parts and tuple(path[len(path) - len(parts) :]) == parts:
                # ``key = { … }``: the table is the braces, and its key starts the member.
                self.keys.setdefault(path, inline.start(1))
                start = inline.start(2)
                closing = _INLINE_END.match(self.text, end)
                end = closing.end() if closing else end
        return Node(kind, start, end, tuple(members))
