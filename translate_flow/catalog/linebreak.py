"""Where GNU gettext may break a line inside a PO string, and how wide a character is.

msgcat and msgmerge wrap strings with libunistring's line breaking (Unicode's UAX #14
as libunistring 1.0 applies it to UTF-8 text): a line may end after a space, after a
hyphen or a slash, between two CJK ideographs, before an opening bracket, but not before
a closing one, nor inside a number. This module gives each character its UAX #14 class,
then decides, for each position, whether a break is possible there, with the pair table
of those classes as libunistring resolves them (measured against libunistring; see
``tests/unit/catalog/test_linebreak.py``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["BREAK", "KEEP", "MANDATORY", "PAIRS", "break_opportunities", "char_width", "line_class"]

KEEP = 1
"""No break before this character."""
BREAK = 2
"""A line may end before this character."""
MANDATORY = 3
"""This character ends a line (a raw line or paragraph separator)."""

# The classes the pair table knows, numbered in its row and column order.
WJ = 0
GL = 1
B2 = 2
BA = 3
BB = 4
HY = 5
CL = 6
CP = 7
EX = 8
IN = 9
NS = 10
OP = 11
QU = 12
IS = 13
NU = 14
PO = 15
PR = 16
SY = 17
AL = 18
H2 = 19
H3 = 20
ID = 21
JL = 22
JV = 23
JT = 24
HL = 25
RI = 26
ZWJ = 27
EB = 28
EM = 29
# Classes handled before the table: mandatory break, space, zero-width space, combining mark.
BK, SP, ZW, CM = 100, 101, 102, 103

PAIRS = (
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # WJ
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # GL
    "PIPIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # B2
    "PDDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # BA
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # BB
    "PDDIDIPPPIIDIPIDDPDDDDDDDDDIDD",  # HY
    "PIDIDIPPPIPDIPDIIPDDDDDDDDDIDD",  # CL
    "PIDIDIPPPIIDIPIIIPIDDDDDDIDIDD",  # CP
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # EX
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # IN
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPIPP",  # OP
    "PIIIIIPPPIIPIPIIIPIIIIIIIIIIII",  # QU
    "PIDIDIPPPIIDIPIDDPDDDDDDDDDIDD",  # IS
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # NU
    "PIDIDIPPPIIIIPIDDPIDDDDDDIDIDD",  # PO
    "PIDIDIPPPIIIIPIDDPIIIIIIIIDIII",  # PR
    "PIDIDIPPPIIDIPIDDPDDDDDDDIDIDD",  # SY
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # AL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD",  # H2
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD",  # H3
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD",  # ID
    "PIDIDIPPPIIDIPDIDPDIIDIIDDDIDD",  # JL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD",  # JV
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD",  # JT
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # HL
    "PIDIDIPPPIIDIPDDDPDDDDDDDDIIDD",  # RI
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # ZWJ
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDI",  # EB
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD",  # EM
)
"""Row: the class before a position; column: the class after it. D: a break is possible;
I: only when spaces stand between them; P: never."""

# Single characters whose class their Unicode category does not tell.
_SINGLE: dict[str, int] = {
    "\t": BA, "\n": BK, "\x0b": BK, "\x0c": BK, "\r": BK, "\x85": BK, "\u2028": BK, "\u2029": BK,
    " ": SP, "!": EX, '"': QU, "$": PR, "%": PO, "'": QU, "(": OP, ")": CP, "+": PR, ",": IS,
    "-": HY, ".": IS, "/": SY, ":": IS, ";": IS, "?": EX, "[": OP, "\\": PR, "]": CP, "{": OP,
    "|": BA, "}": CL, "\xa0": GL, "\xa1": OP, "\xa2": PO, "\xa3": PR, "\xa4": PR, "\xa5": PR,
    "\xab": QU, "\xad": BA, "\xb0": PO, "\xb1": PR, "\xb4": BB, "\xbb": QU, "\xbf": OP,
    "\u02c8": BB, "\u02cc": BB, "\u02df": BB, "\u037e": IS, "\u0589": IS, "\u058a": BA,
    "\u05be": BA, "\u060c": IS, "\u060d": IS, "\u061b": EX, "\u061f": EX, "\u066a": PO,
    "\u06d4": EX, "\u0e3f": PR, "\u0f0b": BA, "\u0f0c": GL, "\u1680": BA, "\u180e": GL,
    "\u2007": GL, "\u200b": ZW, "\u200c": CM, "\u200d": ZWJ, "\u2010": BA, "\u2011": GL,
    "\u2012": BA, "\u2013": BA, "\u2014": B2, "\u2018": QU, "\u2019": QU, "\u201a": OP,
    "\u201b": QU, "\u201c": QU, "\u201d": QU, "\u201e": OP, "\u201f": QU, "\u2024": IN,
    "\u2025": IN, "\u2026": IN, "\u2027": BA, "\u202f": GL, "\u2039": QU, "\u203a": QU,
    "\u203c": NS, "\u203d": NS, "\u2044": IS, "\u2045": OP, "\u2046": CL, "\u2047": NS,
    "\u2048": NS, "\u2049": NS, "\u2056": BA, "\u205f": BA, "\u2060": WJ, "\u2212": PR,
    "\u2213": PR, "\u2116": PR, "\u2103": PO, "\u2109": PO, "\u2030": PO, "\u2031": PO,
    "\u2032": PO, "\u2033": PO, "\u2034": PO, "\u2035": PO, "\u2036": PO, "\u2037": PO,
    "\u20a7": PO, "\u20b6": PO, "\u20bb": PO, "\u20be": PO, "\u2e0e": BA, "\u2e0f": BA,
    "\u2e10": BA, "\u2e11": BA, "\u2e12": BA, "\u2e13": BA, "\u2e14": BA, "\u2e15": BA,
    "\u2e17": BA, "\u2e18": OP, "\u2e1a": HY, "\u2e19": BA, "\u2e2e": EX, "\u3000": BA,
    "\u3001": CL, "\u3002": CL, "\u3005": NS, "\u301c": NS, "\u303b": NS, "\u303c": NS,
    "\u309b": NS, "\u309c": NS, "\u309d": NS, "\u309e": NS, "\u30a0": NS, "\u30fb": NS,
    "\u30fc": NS, "\u30fd": NS, "\u30fe": NS, "\ufe50": CL, "\ufe52": CL, "\ufe54": NS,
    "\ufe55": NS, "\ufe56": EX, "\ufe57": EX, "\ufeff": WJ, "\uff01": EX, "\uff04": PR,
    "\uff05": PO, "\uff0c": CL, "\uff0e": CL, "\uff1a": NS, "\uff1b": NS, "\uff1f": EX,
    "\uff61": CL, "\uff64": CL, "\uff65": NS, "\uff9e": NS, "\uff9f": NS, "\uffe0": PO,
    "\uffe1": PR, "\uffe5": PR, "\uffe6": PR, "\ufffc": ID, "\ufffd": AL,
}  # fmt: skip

# Ranges of code points, checked in order after the single characters.
_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x0000, 0x001F, CM),
    (0x007F, 0x009F, CM),
    (0x05D0, 0x05EA, HL),
    (0x05EF, 0x05F2, HL),
    (0x1100, 0x115F, JL),
    (0x1160, 0x11A7, JV),
    (0x11A8, 0x11FF, JT),
    (0x2000, 0x2006, BA),
    (0x2008, 0x200A, BA),
    (0x20A0, 0x20CF, PR),
    (0x2E80, 0x2FFF, ID),
    (0x3003, 0x3004, ID),
    (0x3006, 0x3007, ID),
    (0x3012, 0x3013, ID),
    (0x3020, 0x3029, ID),
    (0x3030, 0x303A, ID),
    (0x303D, 0x303F, ID),
    (0x3041, 0x3096, ID),
    (0x309F, 0x30FF, ID),
    (0x3100, 0x31FF, ID),
    (0x3200, 0x33FF, ID),
    (0x3400, 0x4DBF, ID),
    (0x4E00, 0x9FFF, ID),
    (0xA000, 0xA4CF, ID),
    (0xA960, 0xA97F, JL),
    (0xD7B0, 0xD7C6, JV),
    (0xD7CB, 0xD7FB, JT),
    (0xF900, 0xFAFF, ID),
    (0xFE30, 0xFE4F, ID),
    (0xFF01, 0xFF60, ID),
    (0xFF66, 0xFF9D, ID),
    (0xFFA0, 0xFFDC, ID),
    (0xFFE0, 0xFFE6, ID),
    (0x1F1E6, 0x1F1FF, RI),
    (0x1F3FB, 0x1F3FF, EM),
    (0x1F466, 0x1F469, EB),
    (0x1F300, 0x1F5FF, ID),
    (0x1F600, 0x1F64F, ID),
    (0x1F680, 0x1F6FF, ID),
    (0x1F900, 0x1F9FF, ID),
    (0x20000, 0x3FFFD, ID),
)
# Small kana: they may not start a line (conditional Japanese starters, resolved as NS).
_SMALL_KANA = frozenset("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ")
_BY_CATEGORY = {
    "Mn": CM, "Me": CM, "Mc": CM, "Nd": NU, "Ps": OP, "Pe": CL, "Pi": QU, "Pf": QU,
    "Pd": BA, "Sc": PR, "Zs": BA, "Zl": BK, "Zp": BK, "Cf": CM,
}  # fmt: skip


@lru_cache(maxsize=4096)
def line_class(ch: str) -> int:
    """The UAX #14 class of ``ch``, resolved as libunistring resolves it for UTF-8 text."""
    found = _SINGLE.get(ch)
    if found is not None:
        return found
    if ch in _SMALL_KANA:
        return NS
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        # A Hangul syllable without a final consonant is LV (H2), with one LVT (H3).
        return H2 if (code - 0xAC00) % 28 == 0 else H3
    for low, high, cls in _RANGES:
        if low <= code <= high:
            if cls == ID and unicodedata.category(ch) == "Ps":
                return OP
            if cls == ID and unicodedata.category(ch) == "Pe":
                return CL
            return cls
    return _BY_CATEGORY.get(unicodedata.category(ch), AL)


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Columns ``ch`` takes in a terminal: 2 for wide East Asian characters, 0 for
    combining marks and format characters, as libunistring counts them for UTF-8."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf") or 0x1160 <= code <= 0x11FF:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def break_opportunities(chars: str) -> list[int]:
    """For each character of ``chars``: BREAK when a line may end just before it,
    MANDATORY for a line separator, else KEEP."""
    result = [KEEP] * len(chars)
    last = BK  # the class of the last character that was not a space
    spaces = 0  # spaces since that character
    regional = 0  # regional indicators in a row: a flag is two of them
    hebrew = False  # the last character was a Hebrew letter
    hebrew_dash = False  # a Hebrew letter then a hyphen or BA: no break after them
    joined = False  # the last character was a zero-width joiner: no break after it
    for i, ch in enumerate(chars):
        cls = line_class(ch)
        if cls == BK:
            result[i], last, spaces, regional, hebrew = MANDATORY, BK, 0, 0, False
            continue
        if cls == SP:
            spaces += 1
            continue
        if cls == ZW:
            last, spaces, regional = ZW, 0, 0
            continue
        if cls in (CM, ZWJ):
            if spaces and last not in (BK, ZW):
                # After a space it starts a new piece, whatever came before.
                result[i], last, spaces = BREAK, AL, 0
            elif last in (BK, ZW):
                # At the start it stands for a letter; after a zero-width space, too.
                result[i], last, spaces = (KEEP if last == BK else BREAK), AL, 0
            # Otherwise it belongs to the character before it, which keeps its class.
            joined, regional, hebrew, hebrew_dash = cls == ZWJ, 0, False, False
            continue
        if last == BK:
            result[i] = KEEP
        elif last == ZW:
            result[i] = BREAK
        else:
            rule = PAIRS[last][cls]
            if last == RI and cls == RI and not spaces:
                rule = "P" if regional % 2 else "D"
            if cls == OP and last in (AL, HL, NU) and char_width(ch) == 2:
                # No break between a word and its bracket, unless the bracket is a wide one.
                rule = "D"
            if (hebrew_dash or joined) and not spaces:
                rule = "P"
            if rule == "D" or (rule == "I" and spaces):
                result[i] = BREAK
        regional = regional + 1 if cls == RI else 0
        hebrew_dash = hebrew and cls in (HY, BA) and not spaces
        hebrew = cls == HL
        joined = False
        last, spaces = cls, 0
    return result
