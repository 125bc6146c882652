"""Translation memory: translations already made, found by exact text or by similarity.

Similarity is rapidfuzz's normalised Indel ratio on characters, so it works for
CJK text without spaces as well as for space-separated languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib
from rapidfuzz import fuzz, process

from translate_flow.catalog.io import read_catalog
from translate_flow.errors import CatalogError

# msgcat's mark of a text that differed between its inputs: "#-#-#-#-#  a.po  #-#-#-#-#" on a line.
_MSGCAT_MARKER = re.compile(r"^#-#-#-#-#  .*  #-#-#-#-#$", re.MULTILINE)


def msgcat_artefact(entry: polib.POEntry) -> bool:
    """True for an entry msgcat merged from differing inputs: its msgstr lists the alternatives.

    Such a text is no translation (several, each headed by a file name), so it is never
    copied; the translator picks one in the memory file first.
    """
    texts = [entry.msgid, entry.msgstr, *entry.msgstr_plural.values()]
    return any(_MSGCAT_MARKER.search(text) for text in texts if text)


@dataclass(frozen=True)
class Match:
    """A translation found in memory."""

    msgid: str
    """The remembered source text."""
    msgstr: str
    """Its translation."""
    score: float
    """Similarity, 1.0 for the same text."""
    fuzzy: bool
    """Whether the remembered translation itself still awaits review."""


class TranslationMemory:
    """Translated entries indexed by msgid, for exact and closest look-ups."""

    def __init__(self, entries: Iterable[polib.POEntry] = ()) -> None:
        self._by_msgid: dict[str, tuple[str, bool]] = {}
        for entry in entries:
            self.add(entry)
        self._choices: list[str] | None = None

    def add(self, entry: polib.POEntry) -> None:
        if not entry.msgstr or entry.msgid_plural or msgcat_artefact(entry):
            return
        fuzzy = "fuzzy" in entry.flags
        current = self._by_msgid.get(entry.msgid)
        # A reviewed translation beats a fuzzy one of the same text.
        if current is None or (current[1] and not fuzzy):
            self._by_msgid[entry.msgid] = (entry.msgstr, fuzzy)
            self._choices = None

    def __len__(self) -> int:
        return len(self._by_msgid)

    def exact(self, msgid: str) -> Match | None:
        found = self._by_msgid.get(msgid)
        return Match(msgid, found[0], 1.0, found[1]) if found else None

    def closest(self, msgid: str, threshold: float) -> Match | None:
        """The most similar remembered text scoring at least ``threshold`` (0–1)."""
        if not self._by_msgid:
            return None
        if self._choices is None:
            self._choices = list(self._by_msgid)
        best = process.extractOne(msgid, self._choices, scorer=fuzz.ratio, score_cutoff=threshold * 100)
        if best is None:
            return None
        text = best[0]
        msgstr, fuzzy = self._by_msgid[text]
        return Match(text, msgstr, best[1] / 100, fuzzy)


def memory_of(paths: Iterable[Path], include_fuzzy: bool = True) -> TranslationMemory:
    """Memory of every translated entry in the given PO files (unreadable ones are skipped).

    Obsolete entries count: they are translations of texts that may come back elsewhere.
    Without ``include_fuzzy`` only reviewed translations count, so what this memory fills
    in (always fuzzy, or an exact copy) cannot change what it holds.
    """
    memory = TranslationMemory()
    add_files(memory, paths, include_fuzzy)
    return memory


def add_files(memory: TranslationMemory, paths: Iterable[Path], include_fuzzy: bool = True) -> None:
    """Add the translated entries of more PO files to ``memory`` (unreadable ones are skipped)."""
    for path in paths:
        try:
            po = read_catalog(path, str(path))
        except CatalogError:
            continue
        for entry in po:
            if include_fuzzy or "fuzzy" not in entry.flags:
                memory.add(entry)
