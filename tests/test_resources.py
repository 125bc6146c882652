"""i18n tables and data files through every command: the update lifecycle, merge's outputs and
what it never overwrites, check's findings, status rows, drafts, incremental runs and --jobs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import polib
import pytest

from tests.conftest import all_catalogs, msgfmt_check, project_tree, read_po, run, write_tree
from translate_flow.project.state import STATE_DIR

I18N = (
    "# Menu and counts.\n"
    'home: "Home"\n'
    "docs:\n  other: Documentation\n"
    "pages:\n  one: One page\n  other: '{{ .Count }} pages'\n"
)
DATA = (
    "terms:\n"
    "  - id: cache\n    url: https://example.org/cache\n    definition: A store of data kept close.\n"
    "  - id: mirror\n    url: https://example.org/mirror\n    definition: 'A copy of a site.'\n"
)


def _site(root: Path, languages: str = '["es"]') -> Path:
    return write_tree(
        root,
        {
            "translate-flow.toml": f'languages = {languages}\n[data]\n"termbase.yaml" = ["terms.*.definition"]\n',
            "content/a.md": "---\ntitle: Documentation\n---\n\nSome text.\n",
            "i18n/en.yaml": I18N,
            "data/termbase.yaml": DATA,
        },
    )


def _translate(path: Path, texts: dict[str, str], plurals: dict[str, list[str]] | None = None) -> None:
    """A translator's work: msgstr by msgid, msgstr[N] by msgctxt."""
    po = read_po(path, wrapwidth=0)
    for entry in po:
        if entry.msgid_plural and plurals and entry.msgctxt in plurals:
            entry.msgstr_plural = dict(enumerate(plurals[entry.msgctxt]))
        elif entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
    po.save(str(path))


SPANISH = {
    "Home": "Inicio",
    "Documentation": "Documentación",
    "A store of data kept close.": "Un almacén de datos cercano.",
    "A copy of a site.": "Una copia de un sitio.",
}
PLURAL = {"pages": ["Una página", "{{ .Count }} de páginas", "{{ .Count }} páginas"]}


def test_i18n_and_data_go_through_extract_and_merge(project: Path) -> None:
    _site(project)
    extracted = run(project, "extract")
    assert extracted.exit_code == 0, extracted.output
    for rel in ("locales/es/_hugo/i18n.po", "locales/templates/_hugo/i18n.pot", "locales/es/_hugo/data/termbase.po"):
        assert f"wrote {rel}" in extracted.output
    msgfmt_check(*all_catalogs(project))
    data_po = read_po(project / "locales/es/_hugo/data/termbase.po")
    assert [(e.msgid, e.occurrences, e.comment) for e in data_po] == [
        ("A store of data kept close.", [("data/termbase.yaml", "4")], "data: terms.*.definition"),
        ("A copy of a site.", [("data/termbase.yaml", "7")], "data: terms.*.definition"),
    ]
    _translate(project / "locales/es/_hugo/i18n.po", SPANISH, PLURAL)
    _translate(project / "locales/es/_hugo/data/termbase.po", SPANISH)
    merged = run(project, "merge")
    assert merged.exit_code == 0, merged.output
    assert (project / "i18n/es.yaml").read_text() == (
        "# Menu and counts.\n"
        'home: "Inicio"\n'
        "docs:\n  other: Documentación\n"
        "pages:\n  one: Una página\n  many: '{{ .Count }} de páginas'\n  other: '{{ .Count }} páginas'\n"
    )
    # Only the selected values changed, each in its own quoting.
    assert (project / "data/termbase.es.yaml").read_text() == DATA.replace(
        "A store of data kept close.", "Un almacén de datos cercano."
    ).replace("A copy of a site.", "Una copia de un sitio.")
    again = run(project, "merge")
    assert "0 written" in again.output and again.exit_code == 0


def test_a_changed_table_keeps_the_translator_s_work(project: Path) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    _translate(project / "locales/es/_hugo/i18n.po", SPANISH, PLURAL)
    write_tree(
        project,
        {"i18n/en.yaml": I18N.replace('home: "Home"\n', "").replace("{{ .Count }} pages", "{{ .Count }} pages in all")},
    )
    assert run(project, "extract", "-q").exit_code == 0
    po = {entry.msgctxt: entry for entry in read_po(project / "locales/es/_hugo/i18n.po", wrapwidth=0)}
    assert po["docs"].msgstr == "Documentación" and not po["docs"].fuzzy
    assert po["pages"].fuzzy and po["pages"].previous_msgid_plural == "{{ .Count }} pages"
    assert po["pages"].msgstr_plural[0] == "Una página"
    assert po["home"].obsolete and po["home"].msgstr == "Inicio"
    msgfmt_check(*all_catalogs(project))
    # Fuzzy is not published: the plural goes, so Hugo falls back to the English one.
    assert run(project, "merge", "-q").exit_code == 0
    assert (project / "i18n/es.yaml").read_text() == "# Menu and counts.\ndocs:\n  other: Documentación\n"


def test_translations_made_elsewhere_in_the_project_fill_the_tables(project: Path) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    # The article's title was translated; the i18n string of the same text takes it (cross-file memory).
    _translate(project / "locales/es/a.po", {"Documentation": "Documentación"})
    write_tree(project, {"i18n/en.yaml": I18N + "guide: Documentation\n"})
    assert run(project, "extract", "-q").exit_code == 0
    po = {entry.msgctxt: entry for entry in read_po(project / "locales/es/_hugo/i18n.po")}
    assert po["guide"].msgstr == "Documentación" and not po["guide"].fuzzy


def test_a_file_merge_did_not_write_is_left_alone(project: Path) -> None:
    _site(project)
    write_tree(project, {"i18n/es.yaml": "home: Casa\n"})
    assert run(project, "extract", "-q").exit_code == 0
    _translate(project / "locales/es/_hugo/i18n.po", SPANISH, PLURAL)
    merged = run(project, "merge")
    assert merged.exit_code == 0
    assert "i18n/es.yaml: left as it is: translate-flow did not write it" in merged.output
    assert (project / "i18n/es.yaml").read_text() == "home: Casa\n"
    report = json.loads(run(project, "check", "--format", "json").output)
    assert any(f["path"] == "i18n/es.yaml" and f["check"] == "outdated-output" for f in report["findings"])
    # Moved away, merge writes it; edited afterwards, merge leaves it alone again.
    (project / "i18n/es.yaml").unlink()
    assert "wrote i18n/es.yaml" in run(project, "merge").output
    write_tree(project, {"i18n/es.yaml": "home: Hand-edited\n"})
    _translate(project / "locales/es/_hugo/i18n.po", {"Home": "Portada"})
    assert "left as it is" in run(project, "merge").output
    assert (project / "i18n/es.yaml").read_text() == "home: Hand-edited\n"


def test_check_reports_what_merge_holds_back(project: Path) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    broken = {**SPANISH, "Home": "Inicio {{ .Count"}
    _translate(
        project / "locales/es/_hugo/i18n.po", broken, {"pages": ["Una página", "{{ .Cuenta }} x", "{{ .Count }} p"]}
    )
    merged = run(project, "merge")
    held = sorted(line for line in merged.output.splitlines() if "not merged" in line)
    assert len(held) == 2 and all(line.startswith("locales/es/_hugo/i18n.po:") for line in held)
    assert "2 translations held back" in merged.output
    report = json.loads(run(project, "check", "--format", "json").output)
    broken_found = sorted(f"{f['path']}:{f['line']}" for f in report["findings"] if f["category"] == "broken")
    assert broken_found == sorted(line.split(": not merged")[0] for line in held)
    assert {f["check"] for f in report["findings"] if f["category"] == "broken"} == {"template"}


def test_check_and_extract_check_write_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    _translate(project / "locales/es/_hugo/i18n.po", SPANISH, PLURAL)
    write_tree(project, {"i18n/en.yaml": I18N + "new: New string\n", "data/termbase.yaml": DATA + "extra: 1\n"})
    before = project_tree(project)
    targets: list[Path] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (targets.append(Path(dst)), real(src, dst))[1])
    checked = run(project, "check")
    assert checked.exit_code == 1
    assert "locales/es/_hugo/i18n.po" in checked.output and "stale" in checked.output
    would = run(project, "extract", "--check")
    assert would.exit_code == 1 and "would change locales/es/_hugo/i18n.po" in would.output
    assert "would change locales/templates/_hugo/data/termbase.pot" in would.output
    assert project_tree(project) == before
    assert all(STATE_DIR in path.relative_to(project).parts for path in targets), targets


def test_status_has_a_row_for_each_table_and_data_file(project: Path) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    _translate(project / "locales/es/_hugo/i18n.po", SPANISH, PLURAL)
    rows = json.loads(run(project, "status", "--format", "json", "--by-article").output)
    by_file = {row["article"]: row for row in rows["articles"]}
    assert set(by_file) == {"content/a.md", "i18n/en.yaml", "data/termbase.yaml"}
    assert (by_file["i18n/en.yaml"]["entries"], by_file["i18n/en.yaml"]["translated"]) == (3, 3)
    assert (by_file["data/termbase.yaml"]["entries"], by_file["data/termbase.yaml"]["untranslated"]) == (2, 2)


def test_unchanged_tables_are_not_parsed_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    from translate_flow.resources import load

    parsed: list[str] = []
    real = load.parse_document
    monkeypatch.setattr(load, "parse_document", lambda data, rel, fmt: (parsed.append(rel), real(data, rel, fmt))[1])
    again = run(project, "extract")
    assert "0 written" in again.output and parsed == []
    write_tree(project, {"data/termbase.yaml": DATA + "\n"})
    assert "wrote locales/templates/_hugo/data/termbase.pot" in run(project, "extract").output
    assert parsed == ["data/termbase.yaml"]


def test_drafts_for_tables_and_data_and_plural_forms(project: Path) -> None:
    _site(project)
    write_tree(
        project,
        {
            "translate-flow.toml": (project / "translate-flow.toml").read_text()
            + '[engines.memory]\ncompendium = "c.po"\n'
        },
    )
    compendium = polib.POFile()
    compendium.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in [
        ("Home", "Inicio"),
        ("One page", "Una página"),
        ("{{ .Count }} pages", "{{ .Count }} páginas"),
    ]:
        compendium.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    compendium.save(str(project / "c.po"))
    assert run(project, "extract", "-q").exit_code == 0
    drafted = run(project, "pretranslate", "--engine", "memory")
    assert drafted.exit_code == 0, drafted.output
    po = {entry.msgctxt: entry for entry in read_po(project / "locales/es/_hugo/i18n.po")}
    # extract took the compendium's exact match, final, as msgmerge -C does; plurals are drafts.
    assert po["home"].msgstr == "Inicio" and not po["home"].fuzzy
    # es: msgstr[0] is for 1 alone (the singular), the other two forms are plural.
    assert po["pages"].msgstr_plural == {0: "Una página", 1: "{{ .Count }} páginas", 2: "{{ .Count }} páginas"}
    assert po["pages"].fuzzy and po["docs"].msgstr == ""
    msgfmt_check(*all_catalogs(project))


def test_a_broken_table_is_one_line_and_the_rest_is_done(project: Path) -> None:
    _site(project)
    write_tree(project, {"i18n/en.yaml": "home: [unclosed\n"})
    result = run(project, "extract")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [errors[0]] and errors[0].startswith("error: i18n/en.yaml:2: invalid YAML: ")
    assert "Traceback" not in result.output
    assert (project / "locales/es/a.po").exists() and (project / "locales/es/_hugo/data/termbase.po").exists()
    write_tree(project, {"i18n/en.yaml": "- just a string\n"})
    result = run(project, "extract")
    assert "error: i18n/en.yaml:1: item 1: an i18n list item needs an 'id' and a 'translation'" in result.output


def test_a_bad_data_setting_is_a_config_error(project: Path) -> None:
    _site(project)
    write_tree(project, {"translate-flow.toml": '[data]\n"termbase.yaml" = "terms"\n'})
    result = run(project, "extract")
    assert result.exit_code == 2
    assert "translate-flow.toml:2: 'data.termbase.yaml' must be a list of key paths" in result.output


def test_jobs_do_not_change_resource_results(tmp_path: Path) -> None:
    base = _site(tmp_path / "base", '["es", "fr"]')
    # Enough data files for worker processes (parallel.MIN_PARALLEL).
    files = {f"data/glossary{n:02}.yaml": DATA.replace("close", f"close {n}") for n in range(18)}
    write_tree(
        base,
        {
            **files,
            "translate-flow.toml": 'languages = ["es", "fr"]\nmin_percent = 0\nproject_name = "p"\n[data]\n"*.yaml" = ["terms.*.definition"]\n',
        },
    )
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    shutil.copytree(base, serial)
    shutil.copytree(base, parallel)
    for root, jobs in ((serial, "1"), (parallel, "4")):
        assert run(root, "extract", "-q", "--jobs", jobs).exit_code == 0
        for po_path in sorted((root / "locales/es").rglob("*.po")):
            _translate(po_path, {"A copy of a site.": "Una copia."})
        assert run(root, "merge", "-q", "--jobs", jobs).exit_code == 0
        assert run(root, "check", "--jobs", jobs).exit_code == 1
    assert project_tree(serial) == project_tree(parallel)
    assert (serial / "data/glossary07.es.yaml").exists()
