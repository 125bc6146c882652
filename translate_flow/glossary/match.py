"""Finding a glossary term in a text, with some tolerance for inflection where that is simple and honest.

A text is cut into words; each character of a script written without spaces (Chinese,
Japanese, Korean, Thai) is a word of its own, so "Hugo" is found in "使用Hugo构建" but
not in "Hugonaut". A term in such a script is looked for as it is written, exactly.

In a language that inflects with suffixes (``SUFFIXING``: English, the Romance, Germanic
and Slavic languages, Finnish, Hungarian, Turkish…) a word of four or more letters also
matches a word up to three letters longer that begins with it: "request" finds "requests",
"theme" finds "themes" (and "theme's", whose "s" is a word of its own), "solicitud" finds
"solicitudes". In a translation, where the glossary's word must be recognised in the
grammar of the sentence, the word may also change its last letter: "ветка" is found in
"ветки", "fusionner" in "fusionnez". A shorter word never matches, on either side: "them"
is not "theme", however close its letters. Shorter terms, numbers, and every word of
other languages match exactly.
A stem that changes inside (German "Haus" → "Häuser") is not recognised: the check is a
warning, and a translator can mark the entry ``no-glossary-check``.

Markup (code, link destinations, URLs, shortcodes) is not text: a term there is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from translate_flow.glossary.model import TermPair
from translate_flow.mt.protect import without_markup

__all__ = ["SUFFIXING", "missing_translations", "used_terms", "uses"]

_NO_SPACE = "\u0e00-\u0e7f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(rf"[{_NO_SPACE}]|[^\W{_NO_SPACE}]+")
_HAS_NO_SPACE = re.compile(rf"[{_NO_SPACE}]")

_SUFFIXING_CODES = "en de nl sv da no nb nn is af fr es pt it ca ro gl oc ru uk be pl cs sk sl hr sr bs bg mk lt lv el"
SUFFIXING = frozenset(f"{_SUFFIXING_CODES} fi et hu tr az kk uz ky".split(" "))
"""Languages whose words take suffixes: the inflection tolerance above applies to them."""


def _word_matches(word: str, candidate: str, inflecting: bool, whole: bool) -> bool:
    """``whole`` (the source side): the candidate holds every letter of the word; otherwise (the
    target side) its last letter may change. Never a shorter word: "them" is not "theme"."""
    if word == candidate:
        return True
    if not inflecting or len(word) < 4 or not word.isalpha() or not len(word) <= len(candidate) <= len(word) + 3:
        return False
    return candidate.startswith(word if whole else word[:-1])


def _spans(term: str, text: str, language: str, case_sensitive: bool, whole: bool) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text`` (already plain), as character spans; ``whole``: see ``_word_matches``."""
    if not case_sensitive:
        term, text = term.casefold(), text.casefold()
    if _HAS_NO_SPACE.search(term):
        return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text)]
    words = [m.group() for m in _WORD.finditer(term)]
    if not words:
        return []
    inflecting = language.split("-")[0].lower() in SUFFIXING
    found = list(_WORD.finditer(text))
    spans = []
    for start in range(len(found) - len(words) + 1):
        window = found[start : start + len(words)]
        if all(_word_matches(w, m.group(), inflecting, whole) for w, m in zip(words, window)):
            spans.append((window[0].start(), window[-1].end()))
    return spans


def uses(term: str, text: str, language: str, case_sensitive: bool, *, translation: bool = False) -> bool:
    """True when ``text`` (in ``language``) uses ``term``: a source text, or a ``translation``
    (whose words may change the term's last letter)."""
    return bool(_spans(term, without_markup(text), language, case_sensitive, whole=not translation))


def used_terms(pairs: Iterable[TermPair], text: str, language: str) -> list[TermPair]:
    """The terms ``text`` uses, leaving out a term found only inside a longer one ("request" in "pull request")."""
    plain = without_markup(text)
    found = [(pair, _spans(pair.term, plain, language, pair.case_sensitive, whole=True)) for pair in pairs]
    found = [(pair, spans) for pair, spans in found if spans]
    kept = []
    for pair, spans in found:
        longer = [s for other, others in found if len(other.term) > len(pair.term) for s in others]
        if all(any(a <= start and end <= b for a, b in longer) for start, end in spans):
            continue
        kept.append(pair)
    return kept


def missing_translations(
    pairs: Sequence[TermPair], msgid: str, msgstrs: Sequence[str], source: str, target: str
) -> list[TermPair]:
    """The terms ``msgid`` uses whose required translation some non-empty msgstr lacks."""
    texts = [without_markup(text) for text in msgstrs if text]
    missing = []
    for pair in used_terms(pairs, msgid, source):
        if any(not _spans(pair.translation, text, target, pair.case_sensitive, whole=False) for text in texts):
            missing.append(pair)
    return missing
