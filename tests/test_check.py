"""check: each problem alone in a small project, its finding, line, name and exit status, in every format."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO, read_po, run, write_tree

SOURCE = (
    "---\ntitle: A small article\n---\n\n"
    "Read the [guide](https://example.org/guide) and run `make`.\n\n"
    'Press <kbd>Enter</kbd> to go on{{< icon "arrow" >}}.\n\n'
    "A note[^1] about **bold** text.\n\n[^1]: The footnote itself.\n"
)
FR = {
    "A small article": "Un petit article",
    "Read the [guide](https://example.org/guide) and run `make`.": "Lisez le [guide](https://example.org/guide) et lancez `make`.",
    'Press <kbd>Enter</kbd> to go on{{< icon "arrow" >}}.': 'Appuyez sur <kbd>Entrée</kbd> pour continuer{{< icon "arrow" >}}.',
    "A note[^1] about **bold** text.": "Une note[^1] sur du texte **gras**.",
    "The footnote itself.": "La note elle-même.",
}


@pytest.fixture
def clean(project: Path) -> Path:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": SOURCE})
    assert run(project, "extract", "-q").exit_code == 0
    po = read_po(project / "locales/fr/a.po", wrapwidth=0)
    for entry in po:
        entry.msgstr = FR[entry.msgid]
    po.save(str(project / "locales/fr/a.po"))
    assert run(project, "merge", "-q").exit_code == 0
    return project


def _edit(root: Path, msgid: str, msgstr: str | None = None, flag: str | None = None) -> None:
    """Change one entry the way a translator's editor would."""
    path = root / "locales/fr/a.po"
    po = read_po(path, wrapwidth=0)
    entry = po.find(msgid)
    if msgstr is not None:
        entry.msgstr = msgstr
    if flag:
        entry.flags.append(flag)
    po.save(str(path))


def _findings(root: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = run(root, "check", "--format", "json", *args)
    data = json.loads(result.output)
    return result.exit_code, data["findings"]


def _po_line(root: Path, msgid: str) -> int:
    return next(e.linenum for e in read_po(root / "locales/fr/a.po") if e.msgid == msgid)


def _msgstr_line(root: Path, msgid: str) -> int:
    """The line of the entry's msgstr, where msgfmt points (and so do we)."""
    start = _po_line(root, msgid)
    lines = (root / "locales/fr/a.po").read_text(encoding="utf-8").splitlines()
    return next(n for n in range(start, len(lines) + 1) if lines[n - 1].startswith("msgstr"))


def test_clean_project_passes(clean: Path) -> None:
    result = run(clean, "check")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "OK: 0 errors, 0 warnings in 2 files checked"


def test_missing_po_and_pot(clean: Path) -> None:
    (clean / "locales/fr/a.po").unlink()
    (clean / "locales/templates/a.pot").unlink()
    status, findings = _findings(clean)
    assert status == 1
    assert [(f["path"], f["line"], f["check"]) for f in findings] == [
        ("locales/fr/a.po", None, "missing-po"),
        ("locales/templates/a.pot", None, "missing-pot"),
    ]


def test_stale_catalogs(clean: Path) -> None:
    (clean / "content/a.md").write_text(SOURCE + "\nA new paragraph.\n")
    status, findings = _findings(clean)
    assert status == 1
    checks = {(f["path"], f["check"]) for f in findings}
    assert {("locales/fr/a.po", "stale"), ("locales/templates/a.pot", "stale")} <= checks


@pytest.mark.parametrize("kind", ["untranslated", "fuzzy"])
def test_untranslated_and_fuzzy(clean: Path, kind: str) -> None:
    msgid = "The footnote itself."
    if kind == "untranslated":
        _edit(clean, msgid, msgstr="")
    else:
        _edit(clean, msgid, flag="fuzzy")
    status, findings = _findings(clean)
    assert status == 1
    found = [f for f in findings if f["check"] == kind]
    assert found == [
        {
            "path": "locales/fr/a.po",
            "line": _msgstr_line(clean, msgid),
            "check": kind,
            "category": kind,
            "severity": "error",
            "language": "fr",
            "message": f"1 of 5 entries {kind} (80% translated)",
            "msgid": msgid,
            "msgctxt": None,
            "references": [f"content/a.md:{SOURCE.splitlines().index('[^1]: The footnote itself.') + 1}"],
        }
    ]
    # The gate is separate from merge's threshold and can be relaxed.
    status, findings = _findings(clean, "--min-percent", "80")
    assert [f["severity"] for f in findings if f["check"] == kind] == ["warning"]
    assert status == (1 if any(f["severity"] == "error" for f in findings) else 0)


def test_per_language_threshold_in_config(clean: Path) -> None:
    _edit(clean, "The footnote itself.", msgstr="")
    (clean / "translate-flow.toml").write_text(
        'languages = ["fr"]\n[check]\nfail_on = ["untranslated"]\n[check.languages.fr]\nmin_percent = 75\n'
    )
    assert run(clean, "extract", "-q").exit_code == 0
    status, findings = _findings(clean)
    assert status == 0 and [f["severity"] for f in findings if f["check"] == "untranslated"] == ["warning"]


BROKEN = [
    (
        "link",
        "Read the [guide](https://example.org/guide) and run `make`.",
        "Lisez le [guide](https://example.org/guid) et lancez `make`.",
        "links differ from the source: missing https://example.org/guide; unexpected https://example.org/guid",
    ),
    (
        "code",
        "Read the [guide](https://example.org/guide) and run `make`.",
        "Lisez le [guide](https://example.org/guide) et lancez `faire`.",
        "inline code differ from the source: missing `make`; unexpected `faire`",
    ),
    (
        "html",
        'Press <kbd>Enter</kbd> to go on{{< icon "arrow" >}}.',
        'Appuyez sur Entrée pour continuer{{< icon "arrow" >}}.',
        "HTML tags differ from the source: missing </kbd>, <kbd>",
    ),
    (
        "shortcode",
        'Press <kbd>Enter</kbd> to go on{{< icon "arrow" >}}.',
        'Appuyez sur <kbd>Entrée</kbd> pour continuer{{< icône "arrow" >}}.',
        'shortcodes differ from the source: missing {{< icon "arrow" >}}; unexpected {{< icône "arrow" >}}',
    ),
    (
        "footnote",
        "A note[^1] about **bold** text.",
        "Une note sur du texte **gras**.",
        "footnote references differ from the source: missing [^1]",
    ),
    (
        "emphasis",
        "A note[^1] about **bold** text.",
        "Une note[^1] sur du texte **gras.",
        "emphasis renders differently: strong 1 in the source, 0 in the translation",
    ),
    (
        "whitespace",
        "The footnote itself.",
        "La note elle-même. ",
        "leading or trailing whitespace differs from the source",
    ),
    (
        "image",
        "The footnote itself.",
        "La note ![x](/x.png) elle-même.",
        "images differ from the source: unexpected /x.png",
    ),
]


@pytest.mark.parametrize(("check", "msgid", "msgstr", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_translations(clean: Path, check: str, msgid: str, msgstr: str, message: str) -> None:
    _edit(clean, msgid, msgstr=msgstr)
    assert run(clean, "merge", "-q").exit_code == 0  # so that only the broken entry is reported
    status, findings = _findings(clean)
    assert status == 1
    broken = [f for f in findings if f["category"] == "broken"]
    assert [(f["check"], f["line"], f["message"]) for f in broken] == [(check, _msgstr_line(clean, msgid), message)]
    # Silenced for one entry with a PO flag...
    _edit(clean, msgid, flag=f"no-{check}-check")
    assert not [f for f in _findings(clean)[1] if f["category"] == "broken"]


def test_checks_can_be_disabled_in_the_config(clean: Path) -> None:
    _edit(clean, BROKEN[0][1], msgstr=BROKEN[0][2])
    held = run(clean, "merge")
    assert held.exit_code == 0 and "1 translations held back" in held.output
    (clean / "translate-flow.toml").write_text('languages = ["fr"]\n[check]\ndisable = ["link"]\n')
    assert run(clean, "extract", "-q").exit_code == 0
    # The check is off for merge too: the translation is now published...
    assert run(clean, "check").exit_code == 1
    published = run(clean, "merge")
    assert "held back" not in published.output and "written" in published.output
    assert BROKEN[0][2] in (clean / "content/a.fr.md").read_text(encoding="utf-8")
    # ...and the gate passes.
    assert run(clean, "check").exit_code == 0


def test_copy_is_a_warning_that_never_changes_the_exit_status(clean: Path) -> None:
    msgid = "Read the [guide](https://example.org/guide) and run `make`."
    _edit(clean, msgid, msgstr=msgid)
    assert run(clean, "merge", "-q").exit_code == 0
    status, findings = _findings(clean)
    assert status == 0
    assert [(f["check"], f["severity"]) for f in findings] == [("copy", "warning")]


def test_outputs_missing_or_outdated(clean: Path) -> None:
    (clean / "content/a.fr.md").unlink()
    status, findings = _findings(clean)
    assert status == 1 and [(f["path"], f["check"]) for f in findings] == [("content/a.fr.md", "missing-output")]
    assert run(clean, "merge", "-q").exit_code == 0
    _edit(clean, "The footnote itself.", msgstr="La note, elle-même.")
    os.utime(clean / "content/a.fr.md", (1_000_000_000, 1_000_000_000))
    status, findings = _findings(clean)
    assert status == 1
    assert [(f["path"], f["check"], f["message"]) for f in findings] == [
        ("content/a.fr.md", "outdated-output", "older than locales/fr/a.po; run `translate-flow merge`")
    ]


def test_invalid_po(clean: Path) -> None:
    path = clean / "locales/fr/a.po"
    lines = path.read_text().splitlines()
    broken_line = len(lines) - 1
    lines[broken_line - 1] = lines[broken_line - 1][:-1]  # drop a closing quote
    path.write_text("\n".join(lines) + "\n")
    status, findings = _findings(clean)
    assert status == 1
    invalid = [f for f in findings if f["category"] == "invalid"]
    assert [(f["path"], f["line"], f["check"]) for f in invalid] == [("locales/fr/a.po", broken_line, "invalid-po")]


def test_newline_mismatch_is_invalid(clean: Path) -> None:
    _edit(clean, "A small article", msgstr="Un petit article\n")
    status, findings = _findings(clean)
    assert status == 1
    # msgfmt points at the msgstr: so do we.
    assert ("po-newline", _msgstr_line(clean, "A small article")) in [(f["check"], f["line"]) for f in findings]


def test_fail_on_obsolete(clean: Path) -> None:
    (clean / "content/a.md").write_text(SOURCE.replace("A note[^1] about **bold** text.\n\n", ""))
    assert run(clean, "extract", "-q").exit_code == 0
    assert run(clean, "merge", "-q").exit_code == 0
    status, findings = _findings(clean)
    assert status == 0 and [(f["check"], f["severity"]) for f in findings] == [("obsolete", "warning")]
    status, findings = _findings(clean, "--fail-on", "obsolete")
    assert status == 1 and [(f["check"], f["severity"]) for f in findings] == [("obsolete", "error")]
    assert run(clean, "check", "--fail-on", "nonsense").exit_code == 2


def test_every_format(clean: Path, tmp_path: Path) -> None:
    msgid, msgstr = BROKEN[0][1], BROKEN[0][2]
    _edit(clean, msgid, msgstr=msgstr)
    assert run(clean, "merge", "-q").exit_code == 0
    line = _msgstr_line(clean, msgid)

    text = run(clean, "check")
    assert text.exit_code == 1
    assert text.output.splitlines()[0] == f"locales/fr/a.po:{line}: link: {BROKEN[0][3]}"

    as_json = run(clean, "check", "--format", "json")
    assert as_json.exit_code == 1
    data = json.loads(as_json.output)
    jsonschema.validate(data, json.loads((REPO / "docs/check-schema.json").read_text()))
    assert data["ok"] is False and data["summary"] == {"errors": 1, "warnings": 0, "files_checked": 2}

    github = run(clean, "check", "--format", "github")
    assert github.exit_code == 1
    assert github.output.splitlines()[0] == (
        f"::error file=locales/fr/a.po,line={line},title=translate-flow link::{BROKEN[0][3]}"
        f'%0Amsgid "{msgid}" #: content/a.md:5'
    )

    report = tmp_path / "junit.xml"
    junit = run(clean, "check", "--format", "junit", "-o", str(report))
    assert junit.exit_code == 1
    root = ET.fromstring(report.read_text())
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "1"
    failures = [(case.get("name"), f.get("type")) for case in suite for f in case.findall("failure")]
    assert failures == [("locales/fr/a.po", "link")]


def test_clean_project_in_every_format(clean: Path) -> None:
    for fmt in ("text", "json", "github", "junit"):
        assert run(clean, "check", "--format", fmt).exit_code == 0


def test_the_sample_passes_for_its_finished_languages() -> None:
    result = run(REPO, "check", "--lang", "en")
    assert result.exit_code == 0, result.output
    failing = run(REPO, "check")
    assert failing.exit_code == 1  # Spanish and one Chinese article are not translated yet
    assert "locales/es/guides/getting-started.po:20: untranslated: 26 of 26 entries untranslated" in failing.output


def test_unchanged_files_reuse_their_findings(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translate_flow.catalog import io as catalog

    _edit(clean, BROKEN[0][1], msgstr=BROKEN[0][2])
    assert run(clean, "merge", "-q").exit_code == 0
    first = run(clean, "check", "--format", "json").output
    parsed: list[str] = []
    real = catalog.parse_catalog

    def counting(data: bytes, rel: str) -> object:
        parsed.append(rel)
        return real(data, rel)

    monkeypatch.setattr("translate_flow.catalog.io.parse_catalog", counting)
    monkeypatch.setattr("translate_flow.steps.check.parse_catalog", counting)
    assert run(clean, "check", "--format", "json").output == first
    assert parsed == []
    _edit(clean, BROKEN[0][1], msgstr=FR[BROKEN[0][1]])  # fixed: the PO file changed
    assert run(clean, "merge", "-q").exit_code == 0
    assert run(clean, "check").exit_code == 0
    assert parsed  # the changed catalog was read again


def test_a_translation_in_another_script_fails_as_script(clean: Path) -> None:
    msgid = "The footnote itself."
    _edit(clean, msgid, msgstr="Сама сноска.")
    assert run(clean, "merge", "-q").exit_code == 0  # merge publishes it: words are not its business
    status, findings = _findings(clean)
    assert status == 1
    assert [(f["check"], f["category"], f["line"], f["message"]) for f in findings] == [
        (
            "script",
            "script",
            _msgstr_line(clean, msgid),
            "the translation is mostly in Cyrillic script, which French is not written in",
        )
    ]
    # A Russian word quoted in French text is no finding; the PO flag silences the check.
    _edit(clean, msgid, msgstr="La note « Сама сноска » elle-même, en français ici.")
    assert run(clean, "merge", "-q").exit_code == 0
    assert _findings(clean) == (0, [])
    _edit(clean, msgid, msgstr="Сама сноска.", flag="no-script-check")
    assert run(clean, "merge", "-q").exit_code == 0
    assert _findings(clean) == (0, [])


def test_kana_in_a_chinese_catalog_is_a_script_finding(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["zh-CN"]\n', "content/a.md": "Open the file in Git.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    for msgstr, found in [("Git でファイルを開きます。", ["script"]), ("在 Git 中打开文件。", [])]:
        path = project / "locales/zh-CN/a.po"
        po = read_po(path, wrapwidth=0)
        po[0].msgstr = msgstr
        po.save(str(path))
        assert run(project, "merge", "-q").exit_code == 0
        result = run(project, "check", "--format", "json")
        assert [f["check"] for f in json.loads(result.output)["findings"]] == found
        assert result.exit_code == (1 if found else 0)
