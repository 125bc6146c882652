"""What each segmenter of an article reads first, found once: its lines and its opaque markup."""

from __future__ import annotations

from dataclasses import dataclass

from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, find_markup
from translate_flow.textutil import LineTable

__all__ = ["SourceMarkup"]


@dataclass(frozen=True)
class SourceMarkup:
    """An article's line table and markup, shared by the body's and the shortcodes' segmenters
    (each used to find both again, about 2% of a cold extract)."""

    lines: LineTable
    """Where each line of the text starts and ends."""
    markup: tuple[tuple[str, int, int], ...]
    """``find_markup`` of the whole text: (kind, start, end) of each piece, in order."""

    @classmethod
    def of(cls, text: str, math: Markup = DEFAULT_MATH) -> SourceMarkup:
        return cls(LineTable.of(text), tuple(find_markup(text, math)))
