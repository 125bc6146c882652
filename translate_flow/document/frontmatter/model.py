"""The front-matter model: the parsed block, and where each string value sits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FrontMatter", "Path_", "ScalarSpan", "body_line_after", "line_number"]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class ScalarSpan:
    """Where one string value sits in the article text."""

    start: int
    """Offset of the value's first character (its opening quote, if any)."""
    end: int
    """Offset just past the value (its closing quote, if any)."""
    style: str
    """How the value is written: YAML ``plain``/``'``/``"``/``|``/``>``, TOML ``"``/``'``/``\"\"\"``/``'''``, JSON ``utf8``/``ascii``."""
    value: str
    """The decoded value (for YAML block scalars, without the final line breaks)."""
    in_flow: bool = False
    """True inside a YAML flow collection (``[a, b]``), where ``,[]{}`` need quotes."""


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front-matter block of an article."""

    format: str
    """``yaml``, ``toml`` or ``json``."""
    body_line: int
    """0-based line where the Markdown body starts, just after the block."""
    data: dict[str, Any]
    """The values, as the safe loader built them."""
    scalars: dict[Path_, ScalarSpan] = field(default_factory=dict)
    """Every string value located in the text, by key path (list items by index)."""


def line_number(text: str, offset: int) -> int:
    """1-based line of ``offset`` in ``text``."""
    return len(re.findall(r"\r\n|\r|\n", text[:offset])) + 1


def body_line_after(text: str, end: int) -> int:
    """0-based index of the line that starts at ``end`` (just after a delimiter line)."""
    return line_number(text, end) - 1
