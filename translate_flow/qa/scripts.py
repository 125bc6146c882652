"""The ``script`` check: a translation written mostly in a script its language does not use.

Which scripts a language uses comes from Babel's CLDR data: its likely script
(``fr`` → Latn, ``ja`` → Jpan, ``zh-CN`` → Hans, ``sr`` → Cyrl), or the script the
code names (``sr-Latn``). Babel ships no exemplar characters, so a character's script is
told by its Unicode name (``CYRILLIC SMALL LETTER A``, ``HIRAGANA LETTER A``), which
Python's ``unicodedata`` has.

What counts: the letters of the msgstr once code, URLs, placeholders, shortcodes and
HTML tags are taken out (``mt.protect.MARKUP``); digits and punctuation never count.
Latin letters count for nothing in a language not written in Latin: product names and
technical words (``Git``, ``API``) belong in a Chinese or Russian text. A script the
source text uses too is the text's own (a quoted Russian word stays Russian). The
finding needs more than half of the letters that count, and at least
``MIN_FOREIGN`` of them, so a lone ``π`` or ``Ω`` passes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

from babel import Locale
from babel.core import get_global

from translate_flow.mt.protect import without_markup

__all__ = ["MIN_FOREIGN", "foreign_script", "language_scripts", "script_name"]

MIN_FOREIGN = 4
"""Fewest letters of a foreign script that make a finding."""

# The first words of Unicode character names, and the ISO 15924 script they name.
_NAMES = {
    "LATIN": "Latn",
    "FULLWIDTH LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "GREEK": "Grek",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "HEBREW": "Hebr",
    "ARABIC": "Arab",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "GURMUKHI": "Guru",
    "GUJARATI": "Gujr",
    "TAMIL": "Taml",
    "TELUGU": "Telu",
    "KANNADA": "Knda",
    "MALAYALAM": "Mlym",
    "SINHALA": "Sinh",
    "THAI": "Thai",
    "LAO": "Laoo",
    "TIBETAN": "Tibt",
    "MYANMAR": "Mymr",
    "KHMER": "Khmr",
    "ETHIOPIC": "Ethi",
    "HANGUL": "Hang",
    "HALFWIDTH HANGUL": "Hang",
    "HIRAGANA": "Hira",
    "KATAKANA": "Kana",
    "HALFWIDTH KATAKANA": "Kana",
    "CJK UNIFIED IDEOGRAPH": "Hani",
    "CJK COMPATIBILITY IDEOGRAPH": "Hani",
    "BOPOMOFO": "Bopo",
}
_LONGEST_FIRST = sorted(_NAMES, key=len, reverse=True)

# Scripts CLDR names for a writing system made of several (Japanese, Korean, Chinese).
_PARTS = {
    "Jpan": frozenset({"Hani", "Hira", "Kana"}),
    "Kore": frozenset({"Hang", "Hani"}),
    "Hans": frozenset({"Hani"}),
    "Hant": frozenset({"Hani", "Bopo"}),
}
_KNOWN = frozenset(_NAMES.values())


@cache
def script_of(char: str) -> str | None:
    """The script of a letter as its Unicode name tells it; None for any other character."""
    if not unicodedata.category(char).startswith("L"):
        return None
    name = unicodedata.name(char, "")
    return next((_NAMES[prefix] for prefix in _LONGEST_FIRST if name.startswith(prefix)), None)


@cache
def language_scripts(language: str) -> frozenset[str]:
    """The scripts ``language`` (a canonical code) is written in; empty when CLDR or we cannot tell."""
    parts = language.split("-")
    named = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if named is None:
        likely = get_global("likely_subtags")
        found = likely.get("_".join(parts)) or likely.get(parts[0])
        fields = found.split("_") if isinstance(found, str) else []
        named = fields[1] if len(fields) > 1 and len(fields[1]) == 4 else None
    if named is None:
        return frozenset()
    scripts = _PARTS.get(named, frozenset({named}))
    return scripts if scripts <= _KNOWN else frozenset()


def script_name(script: str) -> str:
    """The script's English name from CLDR (``Cyrl`` → Cyrillic)."""
    return str(Locale("en").scripts.get(script, script))


def _letters(text: str) -> Counter[str]:
    letters: Counter[str] = Counter()
    # Each distinct character is looked up once, in the order the text first uses it: a text
    # holds far fewer of them than characters, and a check reads every translation.
    for char, times in Counter(without_markup(text)).items():
        script = script_of(char)
        if script is not None:
            letters[script] += times
    return letters


def foreign_script(msgid: str, msgstr: str, language: str) -> str | None:
    """The foreign script ``msgstr`` is mostly written in, or None when it reads as ``language``'s."""
    own = language_scripts(language)
    if not own:
        return None
    letters = _letters(msgstr)
    neutral = set(_letters(msgid)) - own
    if "Latn" not in own:
        neutral.add("Latn")
    counted = {script: n for script, n in letters.items() if script not in neutral}
    foreign = {script: n for script, n in counted.items() if script not in own}
    total_foreign = sum(foreign.values())
    if total_foreign < MIN_FOREIGN or total_foreign * 2 <= sum(counted.values()):
        return None
    return max(foreign, key=lambda script: foreign[script])
