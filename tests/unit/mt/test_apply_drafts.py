"""Drafts go into still-empty entries only, fuzzy and noted; a translator's save during the run wins."""

from __future__ import annotations

from pathlib import Path

import polib

from translate_flow.catalog.io import parse_catalog
from translate_flow.mt.apply_drafts import apply_drafts
from translate_flow.mt.protect import protect
from translate_flow.mt.units import PendingCatalog, Unit

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "One."\nmsgstr ""\n\n'
    '#. a comment for translators\nmsgid "Two."\nmsgstr ""\n\n'
    'msgid "Three."\nmsgstr "Trois."\n'
)


def _pending(tmp_path: Path, drafts: dict[str, str | None]) -> PendingCatalog:
    path = tmp_path / "locales/fr/a.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PO, encoding="utf-8")
    data = path.read_bytes()
    po = parse_catalog(data, "locales/fr/a.po")
    entries = []
    for entry in po:
        if not entry.msgstr:
            unit = Unit("en", "fr", entry.msgid, protect(entry.msgid), drafts.get(entry.msgid), "libre")
            entries.append((entry, unit))
    return PendingCatalog(path, "locales/fr/a.po", po, entries, data)


def _entries(path: Path) -> dict[str, tuple[str, list[str], str]]:
    return {e.msgid: (e.msgstr, e.flags, e.tcomment) for e in polib.pofile(str(path), wrapwidth=0)}


def test_drafts_fill_empty_entries_fuzzy_with_a_note(tmp_path: Path) -> None:
    catalog = _pending(tmp_path, {"One.": "Un.", "Two.": "Deux."})
    applied = apply_drafts([catalog], wrap=76, explicit=True)
    assert applied.written == ["locales/fr/a.po"] and applied.filled == {"fr": 2} and applied.errors == []
    note = "machine translation (libre), please review"
    assert _entries(catalog.path) == {
        "One.": ("Un.", ["fuzzy"], note),
        "Two.": ("Deux.", ["fuzzy"], note),
        "Three.": ("Trois.", [], ""),
    }


def test_no_draft_no_write(tmp_path: Path) -> None:
    catalog = _pending(tmp_path, {})
    applied = apply_drafts([catalog], wrap=76, explicit=True)
    assert applied.written == [] and not applied.filled
    assert catalog.path.read_text(encoding="utf-8") == PO


def test_a_translator_s_save_during_the_run_wins(tmp_path: Path) -> None:
    catalog = _pending(tmp_path, {"One.": "Un.", "Two.": "Deux."})
    # Poedit saves the file after it was read: "Two." is now translated by a person.
    catalog.path.write_text(PO.replace('msgid "Two."\nmsgstr ""', 'msgid "Two."\nmsgstr "Deux !"'), encoding="utf-8")
    applied = apply_drafts([catalog], wrap=76, explicit=True)
    assert applied.written == ["locales/fr/a.po"] and applied.filled == {"fr": 1} and applied.errors == []
    entries = _entries(catalog.path)
    assert entries["One."][:2] == ("Un.", ["fuzzy"])
    assert entries["Two."] == ("Deux !", [], "")


def test_a_plural_entry_is_drafted_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "locales/es/_hugo/i18n.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgctxt "pages"\nmsgid "One page"\nmsgid_plural "Pages"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgctxt "items"\nmsgid "One item"\nmsgid_plural "Items"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    data = path.read_bytes()
    po = parse_catalog(data, "locales/es/_hugo/i18n.po")
    one = Unit("en", "es", "One page", protect("One page"), "Una página", "apertium")
    many = Unit("en", "es", "Pages", protect("Pages"), "Páginas", "apertium")
    missing = Unit("en", "es", "Items", protect("Items"), None, None)
    item = Unit("en", "es", "One item", protect("One item"), "Un artículo", "apertium")
    catalog = PendingCatalog(
        path, "locales/es/_hugo/i18n.po", po, [], data, [(po[0], (one, many)), (po[1], (item, missing))]
    )
    applied = apply_drafts([catalog], wrap=0, explicit=True)
    assert applied.filled == {"es": 1}
    pages, items = polib.pofile(str(path))
    assert pages.msgstr_plural == {0: "Una página", 1: "Páginas"} and pages.fuzzy
    assert pages.tcomment == "machine translation (apertium), please review"
    assert items.msgstr_plural == {0: "", 1: ""} and not items.fuzzy
