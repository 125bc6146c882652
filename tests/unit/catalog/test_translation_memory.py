"""catalog.memory: translations made before, found by exact text or by similarity."""

from __future__ import annotations

from pathlib import Path

import polib

from translate_flow.catalog.io import render_catalog
from translate_flow.catalog.translation_memory import TranslationMemory, memory_of


def _entry(msgid: str, msgstr: str, *flags: str, obsolete: bool = False) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), obsolete=obsolete)


def test_exact_finds_the_same_text_only() -> None:
    memory = TranslationMemory([_entry("Open the file.", "Ouvrez le fichier.")])
    found = memory.exact("Open the file.")
    assert found is not None and (found.msgstr, found.score, found.fuzzy) == ("Ouvrez le fichier.", 1.0, False)
    assert memory.exact("Open the file") is None


def test_closest_respects_the_threshold() -> None:
    memory = TranslationMemory([_entry("Open the file now.", "Ouvrez le fichier maintenant.")])
    near = memory.closest("Open the file now!", 0.9)
    assert near is not None and near.msgid == "Open the file now." and 0.9 <= near.score < 1.0
    assert memory.closest("Something else entirely.", 0.6) is None


def test_similarity_works_for_text_without_spaces() -> None:
    memory = TranslationMemory([_entry("图书馆每天开门", "The library opens every day")])
    found = memory.closest("图书馆每天都开门", 0.8)
    assert found is not None and found.msgstr == "The library opens every day"


def test_a_reviewed_translation_beats_a_fuzzy_one_of_the_same_text() -> None:
    for order in ((0, 1), (1, 0)):
        entries = [_entry("Hello", "Salut", "fuzzy"), _entry("Hello", "Bonjour")]
        memory = TranslationMemory(entries[i] for i in order)
        found = memory.exact("Hello")
        assert found is not None and (found.msgstr, found.fuzzy) == ("Bonjour", False)


def test_empty_and_plural_entries_are_not_remembered() -> None:
    plural = polib.POEntry(msgid="one file", msgid_plural="%d files", msgstr_plural={0: "un", 1: "%d"})
    memory = TranslationMemory([_entry("Empty", ""), plural])
    assert len(memory) == 0
    assert memory.closest("one file", 0.1) is None


def test_memory_of_skips_unreadable_files_and_fuzzy_when_asked(tmp_path: Path) -> None:
    good = tmp_path / "a.po"
    po = polib.POFile()
    for entry in (_entry("One", "Un"), _entry("Two", "Deux", "fuzzy"), _entry("Three", "Trois", obsolete=True)):
        po.append(entry)
    good.write_bytes(render_catalog(po))
    (tmp_path / "bad.po").write_text('msgid "unterminated\n')
    reviewed = memory_of([good, tmp_path / "bad.po", tmp_path / "missing.po"], include_fuzzy=False)
    # Obsolete entries count: their texts may come back elsewhere.
    assert len(reviewed) == 2 and reviewed.exact("Three") is not None and reviewed.exact("Two") is None
    assert len(memory_of([good])) == 3


def test_msgcat_alternatives_are_never_remembered() -> None:
    merged = _entry("Two answers.", "#-#-#-#-#  a.po  #-#-#-#-#\nDeux A.\n#-#-#-#-#  b.po  #-#-#-#-#\nDeux B.")
    memory = TranslationMemory([merged, _entry("Two questions.", "Deux questions.")])
    assert memory.exact("Two answers.") is None
    found = memory.closest("Two answers.", 0.5)
    assert found is not None and found.msgstr == "Deux questions."
    # A text that merely mentions the marker inside a line is a translation like any other.
    assert TranslationMemory([_entry("x", "see #-#-#-#-#  a.po  #-#-#-#-# here")]).exact("x") is not None
