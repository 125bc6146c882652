"""render.check: the check report in each format, parsed back the way its readers parse it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema

from tests.conftest import REPO
from translate_flow import __version__
from translate_flow.qa.findings import Finding, Gate
from translate_flow.qa.names import CATEGORIES, ENTRY_CHECKS, FILE_CHECKS, STRUCTURE_CHECKS
from translate_flow.render import JSON_SCHEMA_VERSION
from translate_flow.render.check import check_github, check_json, check_junit, check_text
from translate_flow.steps.check import CheckReport

BROKEN = Finding("locales/fr/a.po", 12, "link", "broken", 'links differ: missing </a> & "x"', "fr")
COPY = Finding("locales/fr/a.po", 20, "copy", "copy", "the translation is a copy of the source", "fr")
UNIT = Finding(
    "locales/fr/a.po",
    31,
    "unreviewed",
    "unreviewed",
    "still the machine draft",
    "fr",
    msgid='Say "hi"\nthere',
    msgctxt="menu",
    references=("content/a.md:4", "content/a.md:9"),
)
MISSING = Finding("locales/de/b.po", None, "missing-po", "missing", "no PO file; run `translate-flow extract`", "de")


def _report(*findings: Finding) -> CheckReport:
    return CheckReport(
        gate=Gate(), findings=list(findings), checked=["locales/fr/a.po", "locales/de/b.po", "content/c.md"]
    )


def test_text_marks_warnings_and_sums_up() -> None:
    assert check_text(_report(BROKEN, COPY, MISSING)).splitlines() == [
        f"locales/fr/a.po:12: link: {BROKEN.message}",
        "locales/fr/a.po:20: copy: the translation is a copy of the source (warning)",
        "",
        "locales/de/b.po: missing-po: no PO file; run `translate-flow extract`",
        "",
        "FAILED: 2 errors, 1 warnings in 3 files checked",
    ]
    assert check_text(_report()) == "OK: 0 errors, 0 warnings in 3 files checked"


def test_json_follows_the_published_schema() -> None:
    data = json.loads(check_json(_report(BROKEN, COPY)))
    jsonschema.validate(data, json.loads((REPO / "docs/check-schema.json").read_text()))
    assert data["version"] == JSON_SCHEMA_VERSION == 2
    assert data["generator"] == f"translate-flow {__version__}"
    assert data["ok"] is False and data["summary"] == {"errors": 1, "warnings": 1, "files_checked": 3}
    assert [(f["check"], f["severity"], f["line"]) for f in data["findings"]] == [
        ("link", "error", 12),
        ("copy", "warning", 20),
    ]
    assert data["findings"][0]["message"] == BROKEN.message


def test_junit_parses_and_counts_failing_files() -> None:
    root = ET.fromstring(check_junit(_report(BROKEN, COPY, MISSING)))
    suite = root.find("testsuite")
    assert suite is not None
    # One case per file checked; a file with a failing finding is one failure.
    assert (suite.get("tests"), suite.get("failures"), root.get("failures")) == ("3", "2", "2")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == ["content/c.md", "locales/de/b.po", "locales/fr/a.po"]
    failures = [(name, f.get("type"), f.get("message")) for name, c in cases.items() for f in c.iter("failure")]
    assert sorted(failures) == [
        ("locales/de/b.po", "missing-po", MISSING.message),
        ("locales/fr/a.po", "link", BROKEN.message),  # the quote, ampersand and tag survive escaping
    ]
    out = cases["locales/fr/a.po"].find("system-out")
    assert out is not None and out.text == f"locales/fr/a.po:20: copy: {COPY.message}"
    assert not list(cases["content/c.md"])


def test_junit_for_a_clean_project_has_no_failure() -> None:
    root = ET.fromstring(check_junit(_report()))
    assert root.get("failures") == "0" and not list(root.iter("failure"))


def test_github_annotations_escape_data_and_properties() -> None:
    odd = Finding("docs/a:b,c%.po", 3, "link", "broken", "100% wrong\r\nsecond: line, here", "fr")
    lines = check_github(_report(odd, COPY, MISSING)).splitlines()
    # In the message only %, CR and LF are special; in properties also : and , (GitHub's rules).
    assert (
        lines[0]
        == "::error file=docs/a%3Ab%2Cc%25.po,line=3,title=translate-flow link::100%25 wrong%0D%0Asecond: line, here"
    )
    assert lines[1] == "::warning file=locales/fr/a.po,line=20,title=translate-flow copy::" + COPY.message
    assert lines[2].startswith("::error file=locales/de/b.po,title=translate-flow missing-po::")  # no line
    assert lines[3] == "translate-flow check: 2 errors, 1 warnings"
    assert len(lines) == 4  # a CR or LF in a message never starts a line of its own


def test_every_format_names_the_entry_of_a_finding() -> None:
    report = _report(BROKEN, UNIT, MISSING)
    # Text: the entry on an indented line of its own, quoted as in a PO file, with its references.
    text = check_text(report).splitlines()
    assert text[1:3] == [
        "locales/fr/a.po:31: unreviewed: still the machine draft (warning)",
        '    msgctxt "menu" msgid "Say \\"hi\\"\\nthere" #: content/a.md:4 content/a.md:9',
    ]
    # JSON: the fields whole, null or empty where a finding has no entry.
    data = json.loads(check_json(report))
    jsonschema.validate(data, json.loads((REPO / "docs/check-schema.json").read_text()))
    by_check = {f["check"]: f for f in data["findings"]}
    assert (by_check["unreviewed"]["msgid"], by_check["unreviewed"]["msgctxt"]) == (UNIT.msgid, "menu")
    assert by_check["unreviewed"]["references"] == ["content/a.md:4", "content/a.md:9"]
    assert (by_check["missing-po"]["msgid"], by_check["missing-po"]["references"]) == (None, [])
    # GitHub: the entry is the annotation's second line, escaped inside the one command line.
    github = check_github(report).splitlines()
    assert github[1] == (
        "::warning file=locales/fr/a.po,line=31,title=translate-flow unreviewed::still the machine draft"
        '%0Amsgctxt "menu" msgid "Say \\"hi\\"\\nthere" #: content/a.md:4 content/a.md:9'
    )
    # JUnit: a warning's note carries it too.
    root = ET.fromstring(check_junit(report))
    notes = [case.find("system-out") for case in root.iter("testcase") if case.get("name") == "locales/fr/a.po"]
    assert notes[0] is not None and notes[0].text is not None
    assert notes[0].text.splitlines()[1] == text[2]


def test_a_long_msgid_is_shortened_for_people_but_whole_in_json() -> None:
    long = Finding("locales/fr/a.po", 5, "copy", "copy", "copy", "fr", msgid="word " * 40)
    assert check_text(_report(long)).splitlines()[1] == f'    msgid "{("word " * 40)[:79]}…"'
    assert json.loads(check_json(_report(long)))["findings"][0]["msgid"] == "word " * 40


def test_the_schema_knows_every_check_and_category() -> None:
    schema = json.loads((REPO / "docs/check-schema.json").read_text())
    finding = schema["properties"]["findings"]["items"]["properties"]
    assert set(finding["category"]["enum"]) == set(CATEGORIES)
    checks = {*STRUCTURE_CHECKS, *ENTRY_CHECKS, *FILE_CHECKS, "stale", "untranslated", "fuzzy", "obsolete", "error"}
    assert set(finding["check"]["enum"]) == checks
