"""A resource file (YAML, TOML or JSON) as a tree of values, each with its place in the text.

Merge never re-renders a resource: it replaces values in place, and an i18n table may
also lose a member (an untranslated string, so that Hugo falls back) or gain a plural
form. So every node knows where its value starts and ends, and every member where its
key (or list item) starts. String values carry the front-matter readers' ``ScalarSpan``,
so they are rendered back in their own quoting style, exactly as front matter is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.lazy import lazy
from translate_flow.textutil import LineTable

# The front-matter writers are imported when a value is first rendered (merge), not by discovery.
if TYPE_CHECKING:
    from translate_flow.document.frontmatter import FrontMatter, Path_, ScalarSpan, render_span_end, render_value
else:
    FrontMatter = lazy("translate_flow.document.frontmatter:FrontMatter")
    render_span_end = lazy("translate_flow.document.frontmatter:render_span_end")
    render_value = lazy("translate_flow.document.frontmatter:render_value")

__all__ = ["FORMATS", "Document", "Member", "Node", "format_of", "leaves"]

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".json": "json"}
"""The file formats Hugo reads data and i18n tables from, by suffix."""


@dataclass(frozen=True)
class Node:
    """One value of the file."""

    kind: str
    """``map``, ``list``, ``str``; ``alias`` for a YAML alias (never edited where it points);
    ``other`` for numbers, booleans and the like; ``unplaced`` for a value whose place is unknown."""
    start: int
    """Offset of the value's first character (-1 when unplaced)."""
    end: int
    """Offset just past the value; for a block collection, past its last member's value."""
    members: tuple[Member, ...] = ()
    """A map's entries or a list's items, in file order."""
    scalar: ScalarSpan | None = None
    """For a string: its span, style and decoded value."""

    def get(self, key: str | int) -> Node | None:
        """The value of the member ``key``; the last one when a key repeats, as the loaders do."""
        found = [member.node for member in self.members if member.key == key]
        return found[-1] if found else None

    @property
    def placed(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True)
class Member:
    """A map entry or a list item."""

    key: str | int
    """The key as written (YAML 1.1 booleans stay text: ``no`` is the key "no"), or the item's index."""
    start: int
    """Offset of the key's first character, or of the item's value."""
    node: Node
    """Its value."""


@dataclass(frozen=True)
class Document:
    """A parsed resource file and its text."""

    rel: str
    """Project-relative path, for messages and PO references."""
    format: str
    """``yaml``, ``toml`` or ``json``."""
    text: str
    """The decoded text without its BOM, line endings untouched."""
    bom: bool
    """Whether the file starts with a UTF-8 byte order mark."""
    root: Node
    """The top-level value."""
    _style: FrontMatter = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The front-matter renderers only ask which format they write.
        object.__setattr__(self, "_style", FrontMatter(self.format, 0, {}))

    @cached_property
    def lines(self) -> LineTable:
        return LineTable.of(self.text)

    def line(self, offset: int) -> int:
        """1-based line of ``offset``."""
        return self.lines.line_of(offset) + 1

    def encode(self, text: str) -> bytes:
        """Bytes of a (translated) text written the way this file is stored."""
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")

    def render(self, span: ScalarSpan, new: str, safe: bool = False) -> str:
        """``new`` written in the style of ``span``'s value (``safe``: the one style that holds any text)."""
        return render_value(self._style, self.text, span, new, safe)

    def span_end(self, span: ScalarSpan) -> int:
        """Where a replacement of ``span``'s value ends (a block scalar keeps its line breaks)."""
        return render_span_end(self._style, self.text, span)


def format_of(path: Path | str) -> str | None:
    """``yaml``, ``toml`` or ``json`` by the file's suffix; None for any other file."""
    return FORMATS.get(Path(path).suffix.lower())


def leaves(node: Node, path: Path_ = ()) -> Iterator[tuple[Path_, Node]]:
    """Every string value under ``node`` with its key path, in file order."""
    if node.kind == "str":
        yield path, node
    for member in node.members:
        yield from leaves(member.node, (*path, member.key))
