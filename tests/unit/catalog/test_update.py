"""catalog.update: the msgmerge rules, on polib objects in memory."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

from tests.conftest import need_tool
from translate_flow.catalog.io import parse_catalog, render_catalog
from translate_flow.catalog.translation_memory import TranslationMemory
from translate_flow.catalog.update import build_catalog, entries_for, fill_from_memory, index, kept_translations
from translate_flow.document.segment import Location, Segment
from translate_flow.languages import parse_language

FR = parse_language("fr")


def _segment(text: str, line: int, kind: str = "paragraph") -> Segment:
    return Segment(text, kind, Location(0, len(text), line))


def _catalog(*entries: tuple[str, str, list[str]]) -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), occurrences=[("a.md", "1")]))
    return po


def test_a_repeated_text_is_one_entry_with_every_reference_and_kind() -> None:
    (entry,) = entries_for([_segment("Hi", 1), _segment("Hi", 5, "table cell"), _segment("Hi", 5)], "a.md")
    assert entry.occurrences == [("a.md", "1"), ("a.md", "5")]
    assert entry.comment == "paragraph\ntable cell"


def test_update_rules_like_msgmerge_previous() -> None:
    old = _catalog(
        ("Same", "Pareil", ["no-link-check"]),
        ("Old sentence here.", "Ancienne phrase.", []),
        ("Gone", "Parti", []),
        ("Never done", "", []),
    )
    old[0].tcomment = "checked with the author"
    new = entries_for([_segment("Same", 1), _segment("Old sentence here!", 3), _segment("Brand new", 5)], "a.md")
    po, unmatched = build_catalog(new, FR, "p", old, 0)
    by_id = {e.msgid: e for e in po}
    same = by_id["Same"]
    # Same text: translation, flags and the translator's comment kept; references are the new ones.
    assert (same.msgstr, same.flags, same.tcomment) == ("Pareil", ["no-link-check"], "checked with the author")
    assert same.occurrences == [("a.md", "1")] and same.comment == "paragraph"
    changed = by_id["Old sentence here!"]
    assert changed.msgstr == "Ancienne phrase." and changed.fuzzy and changed.previous_msgid == "Old sentence here."
    # Removed text: kept as obsolete without references; one never translated is dropped.
    assert by_id["Gone"].obsolete and by_id["Gone"].msgstr == "Parti" and by_id["Gone"].occurrences == []
    assert "Never done" not in by_id
    assert unmatched == ["Brand new"]


def test_an_obsolete_translation_comes_back_with_its_text() -> None:
    old = _catalog(("Back again", "De retour", []))
    old[0].obsolete = True
    po, unmatched = build_catalog(entries_for([_segment("Back again", 2)], "a.md"), FR, "p", old, 0)
    (entry,) = po
    assert (entry.msgstr, bool(entry.obsolete), entry.fuzzy) == ("De retour", False, False) and unmatched == []


def test_without_keep_obsolete_removed_texts_go() -> None:
    old = _catalog(("Gone", "Parti", []))
    po, _ = build_catalog(entries_for([_segment("Other", 1)], "a.md"), FR, "p", old, 0, keep_obsolete=False)
    assert [e.msgid for e in po] == ["Other"]


def test_a_hand_made_plural_entry_revived_as_a_singular_text_gives_its_first_form_for_review() -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="one file", msgid_plural="%d files", msgstr_plural={0: "un fichier", 1: "%d"}))
    (entry,), _ = build_catalog(entries_for([_segment("one file", 1)], "a.md"), FR, "p", old, 0)
    assert (entry.msgstr, entry.fuzzy, entry.msgstr_plural) == ("un fichier", True, {})


def test_the_header_keeps_the_translators_fields_and_a_template_has_no_language() -> None:
    old = _catalog()
    old.metadata = {"POT-Creation-Date": "2024-05-01 10:00+0000", "Plural-Forms": "nplurals=3; plural=x;", "X-A": "b"}
    po, _ = build_catalog([], FR, "p", old, 0)
    assert po.metadata["Plural-Forms"] == "nplurals=3; plural=x;" and po.metadata["X-A"] == "b"
    assert po.metadata["POT-Creation-Date"] == "2024-05-01 10:00+0000" and po.metadata["Language"] == "fr"
    template, unmatched = build_catalog(entries_for([_segment("Hi", 1)], "a.md"), None, "p", None, 0)
    assert template.metadata["Language"] == "" and "Plural-Forms" not in template.metadata
    assert template.metadata_is_fuzzy and [e.msgstr for e in template] == [""] and unmatched == []


def test_build_leaves_the_old_catalog_and_the_new_entries_as_they_were() -> None:
    old = _catalog(("Same", "Pareil", []), ("Old sentence here.", "Ancienne phrase.", []), ("Gone", "Parti", []))
    old_bytes = render_catalog(old)
    old_entries = list(old)
    new = entries_for([_segment("Same", 1), _segment("Old sentence here!", 3)], "a.md")
    new_before = [str(entry) for entry in new]

    po, _ = build_catalog(new, FR, "p", old, 0)

    # The result did change what it took over: a kept translation, a fuzzy match, an obsolete entry.
    assert {e.msgid for e in po if e.obsolete} == {"Gone"}
    assert [e.msgid for e in po if e.fuzzy] == ["Old sentence here!"]
    # The inputs did not: the old file renders to the same bytes, and holds the same objects.
    assert render_catalog(old) == old_bytes
    assert list(old) == old_entries and not any(e.obsolete for e in old)
    assert [e.occurrences for e in old] == [[("a.md", "1")]] * 3
    assert [str(entry) for entry in new] == new_before
    # Nor does the result share an entry with them, so changing it later cannot reach them.
    assert not {id(e) for e in po} & {id(e) for e in [*old, *new]}


def test_the_rules_agree_with_msgmerge(tmp_path: Path) -> None:
    """A differential check: GNU msgmerge --previous on the same old catalog and new template."""
    old = _catalog(
        ("Same", "Pareil", []),
        ("The old sentence is here.", "L'ancienne phrase est ici.", []),
        ("Gone away", "Parti", []),
        ("Never translated", "", []),
    )
    old[0].tcomment = "translator note"
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "fr"}
    segments = [_segment("Same", 1), _segment("The old sentence is here!", 3), _segment("Brand new text", 5)]
    template, _ = build_catalog(entries_for(segments, "a.md"), None, "p", None, 0)
    (tmp_path / "old.po").write_bytes(render_catalog(old))
    (tmp_path / "new.pot").write_bytes(render_catalog(template))
    done = subprocess.run(
        [need_tool("msgmerge"), "--previous", "--no-wrap", "-q", "-o", "-", "old.po", "new.pot"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    theirs = parse_catalog(done.stdout, "msgmerge output")
    ours, _ = build_catalog(entries_for(segments, "a.md"), FR, "p", old, 0)

    def summary(po: polib.POFile) -> list[tuple[object, ...]]:
        return sorted(
            (e.msgid, e.msgstr, e.fuzzy, e.previous_msgid, bool(e.obsolete), e.tcomment, tuple(e.occurrences))
            for e in po
        )

    assert summary(ours) == summary(theirs)


def test_fill_from_memory_takes_the_same_text_as_it_was_and_a_close_one_as_fuzzy() -> None:
    memory = TranslationMemory(
        [
            polib.POEntry(msgid="Save your work.", msgstr="Enregistrez votre travail."),
            polib.POEntry(msgid="Close the window now.", msgstr="Fermez la fenêtre maintenant."),
            polib.POEntry(msgid="Draft", msgstr="Brouillon", flags=["fuzzy"]),
        ]
    )
    po = _catalog(
        ("Save your work.", "", []),
        ("Close the window now!", "", []),
        ("Draft", "", []),
        ("Unrelated words entirely", "", []),
        ("Not asked for", "", []),
    )
    wanted = ["Save your work.", "Close the window now!", "Draft", "Unrelated words entirely"]
    assert fill_from_memory(po, wanted, memory, 0.8) is True
    by_id = {e.msgid: e for e in po}
    assert (by_id["Save your work."].msgstr, by_id["Save your work."].fuzzy) == ("Enregistrez votre travail.", False)
    close = by_id["Close the window now!"]
    assert close.fuzzy and close.previous_msgid == "Close the window now." and close.msgstr.startswith("Fermez")
    assert by_id["Draft"].fuzzy  # a fuzzy translation stays one to review
    assert by_id["Unrelated words entirely"].msgstr == "" and by_id["Not asked for"].msgstr == ""
    assert fill_from_memory(po, ["Unrelated words entirely"], memory, 0.8) is False


def test_index_prefers_a_live_entry_to_an_obsolete_twin() -> None:
    po = _catalog(("A", "old", []), ("A", "new", []))
    po[0].obsolete = True
    assert index(po)[(None, "A")].msgstr == "new"
    assert index(None) == {}


def test_kept_translations_lists_work_that_would_be_lost() -> None:
    before = _catalog(("A", "Un", []), ("B", "Deux", []), ("C", "", []))
    after = _catalog(("A", "Un", ["fuzzy"]), ("C", "", []))
    assert kept_translations(before, after) == ["B"]
    after.append(polib.POEntry(msgid="B", msgstr="Deux", obsolete=True))
    assert kept_translations(before, after) == []


RU = parse_language("ru")


def _plural(context: str, msgid: str, plural: str, forms: dict[int, str] | None = None) -> polib.POEntry:
    return polib.POEntry(msgctxt=context, msgid=msgid, msgid_plural=plural, msgstr_plural=forms or {0: "", 1: ""})


def test_plural_entries_take_the_catalog_s_number_of_forms() -> None:
    entries = [_plural("pages", "One page", "{{ .Count }} pages")]
    pot, _ = build_catalog(entries, None, "p", None, 0)
    russian, unmatched = build_catalog(entries, RU, "p", None, 0)
    assert pot[0].msgstr_plural == {0: "", 1: ""} and russian[0].msgstr_plural == {0: "", 1: "", 2: ""}
    assert unmatched == []  # plural entries have no counterpart in other catalogs' singular texts
    assert entries[0].msgstr_plural == {0: "", 1: ""}  # the caller's entry is left as it was


def test_plural_translations_are_kept_and_a_changed_plural_becomes_fuzzy() -> None:
    forms = {0: "{{ .Count }} страница", 1: "{{ .Count }} страницы", 2: "{{ .Count }} страниц"}
    old = polib.POFile()
    old.metadata = {"Plural-Forms": RU.plural_forms}
    old.append(_plural("pages", "One page", "{{ .Count }} pages", forms))
    old.append(_plural("minutes", "One minute", "{{ .Count }} minute(s)", forms))
    old.append(_plural("gone", "Gone", "Gone all", forms))
    new = [_plural("pages", "One page", "{{ .Count }} pages"), _plural("minutes", "One minute", "{{ .Count }} minutes")]
    po, _ = build_catalog(new, RU, "p", old, 0)
    pages, minutes, gone = po
    assert pages.msgstr_plural == forms and not pages.fuzzy
    assert minutes.msgstr_plural == forms and minutes.fuzzy
    assert (minutes.previous_msgctxt, minutes.previous_msgid, minutes.previous_msgid_plural) == (
        "minutes",
        "One minute",
        "{{ .Count }} minute(s)",
    )
    assert gone.obsolete and gone.msgstr_plural == forms


def test_an_id_whose_text_changed_keeps_its_translation_as_fuzzy() -> None:
    old = polib.POFile()
    old.metadata = {"Plural-Forms": RU.plural_forms}
    old.append(polib.POEntry(msgctxt="home", msgid="Home", msgstr="Главная"))
    old.append(polib.POEntry(msgctxt="pages", msgid="Page", msgstr="Страница"))
    new = [
        polib.POEntry(msgctxt="home", msgid="Start page", msgstr=""),
        _plural("pages", "One page", "{{ .Count }} pages"),  # a singular string became a plural
    ]
    po, unmatched = build_catalog(new, RU, "p", old, 0)
    home, pages = po
    assert (home.msgstr, home.fuzzy, home.previous_msgctxt, home.previous_msgid) == ("Главная", True, "home", "Home")
    assert pages.msgstr_plural == {0: "Страница", 1: "Страница", 2: "Страница"} and pages.fuzzy
    assert unmatched == [] and len(po) == 2  # neither old entry is left over as obsolete


def test_fill_from_memory_leaves_plural_entries_alone() -> None:
    po = polib.POFile()
    po.append(_plural("pages", "Page", "Pages"))
    memory = TranslationMemory([polib.POEntry(msgid="Page", msgstr="Page")])
    assert not fill_from_memory(po, ["Page"], memory, 0.6)
    assert po[0].msgstr == "" and po[0].msgstr_plural == {0: "", 1: ""}
