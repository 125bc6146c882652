"""Line handling that keeps every byte: line endings are data, not noise."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import add

# str.splitlines() also splits on \x0b, \x1c, \u2028 and others, which Markdown
# treats as ordinary characters; only these three end a line.
LINE_END_RE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class LineTable:
    """Offsets of every line of a text, so (line, column) maps to a text offset."""

    starts: tuple[int, ...]
    """Offset of the first character of each line."""
    ends: tuple[int, ...]
    """Offset just past each line's content, before its line ending."""
    eols: tuple[str, ...]
    """Each line's ending: ``"\\r\\n"``, ``"\\r"``, ``"\\n"`` or ``""`` for the last line."""

    @classmethod
    def of(cls, text: str) -> LineTable:
        if "\r" not in text:
            # The common case, in C loops: only "\n" ends lines.
            lengths = [len(line) for line in text.split("\n")]
            first = tuple(accumulate((n + 1 for n in lengths[:-1]), initial=0))
            return cls(first, tuple(map(add, first, lengths)), ("\n",) * (len(lengths) - 1) + ("",))
        return cls.scanned(text)

    @classmethod
    def scanned(cls, text: str) -> LineTable:
        """The table found by scanning for every kind of line end: what ``of`` gives, always."""
        starts: list[int] = []
        ends: list[int] = []
        eols: list[str] = []
        pos = 0
        for match in LINE_END_RE.finditer(text):
            starts.append(pos)
            ends.append(match.start())
            eols.append(match.group())
            pos = match.end()
        starts.append(pos)
        ends.append(len(text))
        eols.append("")
        return cls(tuple(starts), tuple(ends), tuple(eols))

    def line_of(self, offset: int) -> int:
        """0-based line holding ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def content(self, text: str, line: int) -> str:
        return text[self.starts[line] : self.ends[line]]

    def contents(self, text: str) -> list[str]:
        """Every line's ``content``, in order (``text`` has this table's line ends)."""
        if "\r" not in text:  # only "\n" ends its lines: one split in C
            return text.split("\n")
        return [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]


def is_cjk(char: str) -> bool:
    """True for characters of scripts written without spaces between words."""
    if not char:
        return False
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # CJK radicals, kana, CJK symbols and punctuation, ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF
    )


def soft_break(left: str, right: str) -> str:
    """What a soft line break between two lines shows as in a browser.

    Between two CJK characters a line break renders as nothing, elsewhere as a space.
    """
    if left and right and is_cjk(left[-1]) and is_cjk(right[0]):
        return ""
    return " "


def has_words(text: str) -> bool:
    """True when ``text`` has a letter (of any script) worth translating."""
    return any(unicodedata.category(ch).startswith("L") for ch in text)


_TOML_AT_RE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


def toml_error(exc: Exception) -> tuple[str, int | None]:
    """A tomllib error as (message, 1-based line); Python 3.11 keeps the line only in the text."""
    text = str(exc)
    match = _TOML_AT_RE.search(text)
    if match is None:
        return text, None
    return text[: match.start()], int(match.group(1)) if match.group(1) else None
