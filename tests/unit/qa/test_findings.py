"""qa.findings: the gate, and the findings of one catalog or entry."""

from __future__ import annotations

import polib
import pytest

from translate_flow.document.link_definitions import NO_DEFINITIONS, definitions_of
from translate_flow.qa.counts import count
from translate_flow.qa.findings import Finding, Gate, catalog_findings, entry_findings, po_level_findings


def _finding(category: str, check: str | None = None, percent: float | None = None, language: str = "fr") -> Finding:
    return Finding("locales/fr/a.po", 3, check or category, category, "message", language, percent)


@pytest.mark.parametrize(
    ("finding", "fails"),
    [
        (_finding("broken", "link"), True),
        (_finding("missing", "missing-po"), True),
        (_finding("copy"), False),  # a warning by default
        (_finding("obsolete"), False),
        (_finding("untranslated", percent=99.9), True),  # below 100 %
        (_finding("untranslated", percent=100.0), False),
        (_finding("fuzzy", percent=50.0), True),
    ],
)
def test_the_default_gate(finding: Finding, fails: bool) -> None:
    assert Gate().fails(finding) is fails


def test_a_gate_fails_on_categories_or_check_names_and_thresholds_per_language() -> None:
    gate = Gate(
        fail_on=frozenset({"untranslated", "link", "copy"}),
        min_percent=80.0,
        language_min_percent={"zh-CN": 50.0},
    )
    assert gate.fails(_finding("broken", "link")) and not gate.fails(_finding("broken", "image"))
    assert gate.fails(_finding("copy"))
    assert gate.fails(_finding("untranslated", percent=79.0)) and not gate.fails(_finding("untranslated", percent=80.0))
    assert not gate.fails(_finding("untranslated", percent=60.0, language="zh-CN"))
    assert gate.fails(_finding("untranslated", percent=40.0, language="zh-CN"))
    assert not gate.fails(_finding("fuzzy", percent=10.0))  # fuzzy is not in this fail_on


def test_catalog_findings_point_at_the_first_entry_of_each_kind() -> None:
    po = polib.POFile()
    for entry in (
        polib.POEntry(msgid="A", msgstr="Un"),
        polib.POEntry(msgid="B", msgstr=""),
        polib.POEntry(msgid="C", msgstr="Cé", flags=["fuzzy"]),
        polib.POEntry(msgid="D", msgstr=""),
        polib.POEntry(msgid="E", msgstr="É", obsolete=True),
    ):
        entry.linenum = ord(entry.msgid)  # a line per entry, told apart
        po.append(entry)
    found = list(catalog_findings(po, "locales/fr/a.po", "fr", count(po)))
    assert [(f.check, f.line, f.message, f.percent) for f in found] == [
        ("untranslated", ord("B"), "2 of 4 entries untranslated (25% translated)", 25.0),
        ("fuzzy", ord("C"), "1 of 4 entries fuzzy (25% translated)", 25.0),
        ("obsolete", ord("E"), "1 obsolete entries", None),
    ]


def test_entry_findings_report_the_validators_problems_at_the_msgstr_line() -> None:
    entry = polib.POEntry(msgid="A [link](/a).", msgstr="Un [lien](/b).", comment="paragraph")
    entry.linenum = 10
    (finding,) = entry_findings(entry, "locales/fr/a.po", "fr", line=12)
    assert (finding.check, finding.category, finding.line) == ("link", "broken", 12)
    assert not list(entry_findings(entry, "locales/fr/a.po", "fr", disabled={"link"}))
    entry.flags = ["no-link-check"]
    assert not list(entry_findings(entry, "locales/fr/a.po", "fr"))


def test_a_copy_of_three_words_or_more_is_a_copy_finding() -> None:
    long = polib.POEntry(msgid="Read the guide now.", msgstr="Read the guide now.", comment="paragraph")
    short = polib.POEntry(msgid="Read it.", msgstr="Read it.", comment="paragraph")
    code = polib.POEntry(msgid="`make install` now", msgstr="`make install` now", comment="paragraph")
    fuzzy = polib.POEntry(msgid="Read the guide now.", msgstr="Read the guide now.", flags=["fuzzy"])
    assert [f.check for f in entry_findings(long, "a.po", "fr")] == ["copy"]
    assert [list(entry_findings(e, "a.po", "fr")) for e in (short, code, fuzzy)] == [[], [], []]


def test_po_level_findings_catch_a_newline_msgfmt_would_reject() -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Line\n", msgstr="Ligne"))
    po.append(polib.POEntry(msgid="\nLine", msgstr="\nLigne"))
    po.append(polib.POEntry(msgid="Empty\n", msgstr=""))
    (finding,) = po_level_findings(po, "a.po", "fr")
    assert (finding.check, finding.category) == ("po-newline", "invalid")
    assert "end with a newline" in finding.message


def test_entry_findings_read_a_text_with_the_definitions_of_each_page_it_stands_in() -> None:
    entry = polib.POEntry(msgid="Use a [type qualifier].", msgstr="Utilisez un [qualificatif].", comment="paragraph")
    defining = definitions_of("[type qualifier]: /t\n")
    assert list(entry_findings(entry, "a.po", "fr")) == []  # alone, `[type qualifier]` is text
    (finding,) = entry_findings(entry, "a.po", "fr", pages=(NO_DEFINITIONS, defining))
    assert finding.check == "link" and "[translated text][type qualifier]" in finding.message
    # Two pages with the same definitions find the same problem: it is reported once.
    assert (
        len(list(entry_findings(entry, "a.po", "fr", pages=(defining, definitions_of("[Type Qualifier]: /t\n"))))) == 1
    )
    entry.msgstr = "Utilisez un [qualificatif][type qualifier]."
    assert list(entry_findings(entry, "a.po", "fr", pages=(defining,))) == []
    # In a page that defines no such label the full form would show its brackets: merge holds it back there.
    assert [f.check for f in entry_findings(entry, "a.po", "fr", pages=(NO_DEFINITIONS, defining))] == ["link"]
