"""How much of a catalog is translated: entries by state, and the words left to translate."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from translate_flow.catalog.update import has_translation
from translate_flow.mt.protect import MARKUP

__all__ = ["Counts", "count", "count_words"]


@dataclass(frozen=True)
class Counts:
    """Entry counts of one catalog."""

    total: int
    """Live entries."""
    translated: int
    """Entries with a msgstr that is not fuzzy."""
    fuzzy: int
    """Entries marked fuzzy."""
    untranslated: int
    """Entries with an empty msgstr."""
    obsolete: int
    """Obsolete entries kept for reuse."""
    words_left: int
    """Words in the source texts of fuzzy and untranslated entries."""
    words_total: int
    """Words in all live source texts."""

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str) -> int:
    """Words a translator has to handle: each CJK character counts as one word, as
    word processors count Asian text; markup (code, URLs, tags) counts as nothing."""
    plain = MARKUP.sub(" ", text)
    cjk = len(_CJK.findall(plain))
    return cjk + len(_WORD.findall(_CJK.sub(" ", plain) if cjk else plain))


def count(po: polib.POFile) -> Counts:
    total = translated = fuzzy = untranslated = obsolete = left = words = 0
    for entry in po:
        if entry.obsolete:
            obsolete += 1
            continue
        total += 1
        size = count_words(entry.msgid) + (count_words(entry.msgid_plural) if entry.msgid_plural else 0)
        words += size
        # A plural entry counts as translated only with every form.
        if not has_translation(entry):
            untranslated += 1
            left += size
        elif "fuzzy" in entry.flags:
            fuzzy += 1
            left += size
        else:
            translated += 1
    return Counts(total, translated, fuzzy, untranslated, obsolete, left, words)
