"""Break opportunities found fast: regular expressions over a string of line-break classes.

``linebreak.break_opportunities`` walks a text character by character, which costs a
microsecond a character in Python. Most text needs none of its special cases (combining
marks, joiners, line separators, flags, Hebrew hyphens): there, a break is possible
after a run of spaces when the pair table says I or D, and between two characters when
it says D. Each character is turned into one character naming its class
(``str.translate``, cached per character), and regular expressions built from the pair
table find those places, so the work stays in C. Other text takes the walk.
"""

from __future__ import annotations

import re

from translate_flow.catalog.linebreak import (
    AL,
    BK,
    BREAK,
    CM,
    HL,
    KEEP,
    NU,
    OP,
    PAIRS,
    RI,
    SP,
    ZW,
    ZWJ,
    break_opportunities,
    char_width,
    line_class,
)

__all__ = ["opportunities"]

_OP_WIDE = 104  # a wide opening bracket: a word may break before it (libunistring's LB30)
_BASE = 0x100  # class N is written as chr(_BASE + N)
_TABLE_CLASSES = range(len(PAIRS))
_SPECIAL = (BK, ZW, CM, ZWJ, RI, HL)


def _code(cls: int) -> str:
    return chr(_BASE + cls)


def _rule(before: int, after: int) -> str:
    """The pair table's rule, with a wide opening bracket read as OP except after a word."""
    if after == _OP_WIDE:
        return "D" if before in (AL, HL, NU) else PAIRS[before][OP]
    return PAIRS[before][after]


class _Classes(dict[int, str]):
    """Code point → the character naming its class; filled as characters are met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        cls = line_class(ch)
        if cls == OP and char_width(ch) == 2:
            cls = _OP_WIDE
        self[code] = _code(cls)
        return self[code]


_CLASSES = _Classes()
_NEEDS_WALK = re.compile("[" + "".join(re.escape(_code(cls)) for cls in _SPECIAL) + "]")
_SPACE = re.escape(_code(SP))
_AFTER_SPACES = re.compile(f"(?<=[^{_SPACE}]){_SPACE}+(?=[^{_SPACE}])")


def _direct_breaks() -> re.Pattern[str]:
    """Positions between two characters (no space) where the table says D."""
    after_classes = [*_TABLE_CLASSES, _OP_WIDE]
    # Rows that allow the same columns share one alternative: fewer for the engine to try.
    rows: dict[str, str] = {}
    for before in _TABLE_CLASSES:
        allowed = "".join(re.escape(_code(after)) for after in after_classes if _rule(before, after) == "D")
        if allowed:
            rows[allowed] = rows.get(allowed, "") + re.escape(_code(before))
    # Each match takes the character before the position (the engine finds that faster
    # than a look-behind); the position is where the match ends.
    return re.compile("|".join(f"[{before}](?=[{allowed}])" for allowed, before in rows.items()))


_DIRECT = _direct_breaks()


def opportunities(chars: str) -> list[tuple[int, int]]:
    """The positions in ``chars`` where a line may end (BREAK) or must end (MANDATORY),
    in order, each with its kind."""
    classes = chars.translate(_CLASSES)
    if _NEEDS_WALK.search(classes):
        return [(i, kind) for i, kind in enumerate(break_opportunities(chars)) if kind != KEEP]
    found = [match.end() for match in _DIRECT.finditer(classes)]
    for match in _AFTER_SPACES.finditer(classes):
        before, after = ord(classes[match.start() - 1]) - _BASE, ord(classes[match.end()]) - _BASE
        if before == _OP_WIDE:
            before = OP
        if _rule(before, after) in "DI":
            found.append(match.end())
    found.sort()
    return [(position, BREAK) for position in found]
