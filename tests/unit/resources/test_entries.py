"""resources/entries.py: one PO entry per (msgctxt, msgid), references and notes gathered."""

from __future__ import annotations

from translate_flow.resources.entries import resource_entries
from translate_flow.resources.model import Text


def test_entries_in_order_with_contexts_plurals_and_shared_texts() -> None:
    entries = resource_entries(
        [
            Text("Home", "i18n/en.yaml", 1, "i18n", "home"),
            Text("One page", "i18n/en.yaml", 2, "i18n (plural)", "pages", "{{ .Count }} pages", ("description: x",)),
            Text("Home", "themes/t/i18n/en.toml", 4, "i18n", "start"),
            Text("Fast.", "data/t.yaml", 3, "data: a.*"),
            Text("Fast.", "data/t.yaml", 9, "data: b"),
            Text("Fast.", "data/t.yaml", 9, "data: b"),
        ]
    )
    assert [(e.msgctxt, e.msgid, e.msgid_plural, e.occurrences, e.comment) for e in entries] == [
        ("home", "Home", "", [("i18n/en.yaml", "1")], "i18n"),
        ("pages", "One page", "{{ .Count }} pages", [("i18n/en.yaml", "2")], "i18n (plural)\ndescription: x"),
        ("start", "Home", "", [("themes/t/i18n/en.toml", "4")], "i18n"),
        (None, "Fast.", "", [("data/t.yaml", "3"), ("data/t.yaml", "9")], "data: a.*\ndata: b"),
    ]
    assert entries[1].msgstr_plural == {0: "", 1: ""}
