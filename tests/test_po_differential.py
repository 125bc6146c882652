"""A hand-added plural entry through extract: kept whole, and msgfmt still accepts the catalog.

The reading itself (escapes, separators, plurals) is tested against msgfmt in
tests/unit/catalog/test_lexicon.py.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import msgfmt_check, read_po, run, write_tree


def test_a_hand_added_plural_entry_is_kept_whole(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello world.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fr/a.po"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "un fichier"\nmsgstr[1] "%d fichiers"\n')
    assert run(project, "extract", "--force", "-q").exit_code == 0
    (gone,) = [e for e in read_po(path) if e.obsolete]
    assert gone.msgid_plural == "%d files" and gone.msgstr_plural == {0: "un fichier", 1: "%d fichiers"}
    msgfmt_check(path)
    # When the text comes back as a (singular) paragraph, its first form returns, for review.
    write_tree(project, {"content/a.md": "Hello world.\n\none file\n"})
    assert run(project, "extract", "-q").exit_code == 0
    revived = read_po(path).find("one file")
    assert revived.msgstr == "un fichier" and "fuzzy" in revived.flags and not revived.msgstr_plural
    msgfmt_check(path)
    assert run(project, "extract", "--force", "-q").exit_code == 0  # and the file stays readable
