"""steps/: extract plans (reads only), then applies; check and extract --check only consume plans."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest

from tests.conftest import fill, project_tree, read_po, run, write_tree
from translate_flow.catalog import io as catalog_io
from translate_flow.catalog.io import render_catalog
from translate_flow.config import load_config
from translate_flow.project.discover import discover
from translate_flow.project.segment_cache import load_segments, segment_rows, segment_store
from translate_flow.project.state import STATE_DIR
from translate_flow.steps import extract as extract_step
from translate_flow.steps import extract_article
from translate_flow.steps.extract_article import ExtractOptions, apply_article, plan_article
from translate_flow.steps.extract_project import folders_with_catalogs, waits_for_project


def _site(root: Path) -> None:
    write_tree(
        root,
        {
            "translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n',
            "content/a.md": "---\ntitle: Hello\n---\n\nFirst text.\n\nSecond text.\n",
            "content/b.md": "Other text.\n",
        },
    )


def _record_renames(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file put in place by rename (how every write of ours ends), by target."""
    targets: list[Path] = []
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        targets.append(Path(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return targets


def test_check_and_extract_check_write_nothing_but_their_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    fill(tmp_path / "locales/fr/a.po", lambda msgid: msgid.upper())
    write_tree(tmp_path, {"content/a.md": "---\ntitle: Hello\n---\n\nFirst text, changed.\n", "content/c.md": "New.\n"})
    before = project_tree(tmp_path)
    targets = _record_renames(monkeypatch)
    checked = run(tmp_path, "check", "-j", "1")
    assert checked.exit_code == 1, checked.output  # stale and missing catalogs fail the gate
    assert "stale" in checked.output and "missing" in checked.output
    would = run(tmp_path, "extract", "--check", "-j", "1")
    assert would.exit_code == 1 and "would change locales/fr/a.po" in would.output
    assert project_tree(tmp_path) == before
    assert all(STATE_DIR in path.relative_to(tmp_path).parts for path in targets), targets


def test_a_plan_reads_only_and_its_application_writes_exactly_the_plan(tmp_path: Path) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    options = ExtractOptions()
    item = discover(config, lazy=True).unresolved[0]
    before = project_tree(tmp_path)
    plan = plan_article(config, options, item)
    assert not isinstance(plan, Exception)
    assert project_tree(tmp_path) == before
    assert [c.rel for c in plan.catalogs] == ["locales/fr/a.po", "locales/templates/a.pot"]
    assert all(c.changed and c.before is None for c in plan.catalogs)
    outcome = apply_article(config, options, plan)
    assert outcome.report.written == ["locales/fr/a.po", "locales/templates/a.pot"]
    for catalog in plan.catalogs:
        assert catalog.path.read_bytes() == render_catalog(catalog.po)


def test_applying_a_plan_writes_its_planned_bytes_without_rendering_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    plan = plan_article(config, ExtractOptions(), discover(config, lazy=True).unresolved[0])
    assert not isinstance(plan, Exception)
    rendered: list[object] = []
    monkeypatch.setattr(catalog_io, "catalog_changes", lambda *args: rendered.append(args))
    outcome = apply_article(config, ExtractOptions(), plan)
    assert outcome.report.written == [c.rel for c in plan.catalogs]
    # Only the template written with a pending fingerprint (the project-wide pass may still
    # fill its PO file) changed after its plan, so only it is rendered again.
    assert outcome.stamp == "locales/templates/a.pot" and len(rendered) == 1
    po_file = plan.catalogs[0]
    assert po_file.planned is not None and po_file.path.read_bytes() == po_file.planned


def test_an_article_s_new_catalogs_share_one_rendering_and_an_existing_one_keeps_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr", "ja", "ar"]\nmin_percent = 0\n',
            "content/a.md": "---\ntitle: Hello\n---\n\nFirst text.\n\nSecond text.\n",
        },
    )
    assert run(tmp_path, "extract", "-q").exit_code == 0
    fill(tmp_path / "locales/ja/a.po", lambda msgid: "一" if msgid == "First text." else "")
    for name in ("fr", "ar", "templates"):  # the Japanese file alone has an earlier version
        for found in (tmp_path / "locales" / name).iterdir():
            found.unlink()
    config = load_config(tmp_path)
    renders: list[str] = []
    real = extract_article.rendered_entries

    def counted(po: polib.POFile) -> str:
        renders.append(po.metadata.get("Language", ""))
        return real(po)

    monkeypatch.setattr(extract_article, "rendered_entries", counted)
    plan = plan_article(config, ExtractOptions(), discover(config, lazy=True).unresolved[0])
    assert not isinstance(plan, Exception)
    assert [c.language for c in plan.catalogs] == ["fr", "ja", "ar", None]
    # Whatever was shared, each plan holds exactly its own catalog's entries and bytes.
    for catalog in plan.catalogs:
        assert catalog.entries == real(catalog.po)
        assert (catalog.planned or catalog.before) == render_catalog(catalog.po)
    assert 'msgstr "一"' in plan.catalogs[1].entries
    assert 'msgstr "一"' not in plan.catalogs[0].entries + plan.catalogs[3].entries
    # The three new files (fr, ar and the template) are rendered once; ja, with its translation, on its own.
    assert renders == ["fr", "ja"]


def test_catalogs_with_plural_texts_are_not_shared_across_plural_counts(tmp_path: Path) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    entries = [polib.POEntry(msgid="one file", msgid_plural="{n} files", occurrences=[("x", "1")])]
    fresh: dict[int, str] = {}
    plans = [
        extract_article.plan_catalog_file(
            config, ExtractOptions(), tmp_path / f"locales/{lang}/x.po", lang, entries, str, ("d", "en", ()), (), fresh
        )
        for lang in ("ja", "fr")
    ]
    forms = [int(plan.po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0]) for plan in plans]
    assert forms[0] != forms[1]
    assert [plan.entries.count("msgstr[") for plan in plans] == forms


def test_a_save_between_plan_and_apply_is_kept(tmp_path: Path) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    write_tree(tmp_path, {"content/a.md": "---\ntitle: Hello\n---\n\nFirst text.\n\nThird text.\n"})
    config = load_config(tmp_path)
    source = next(s for s in discover(config).sources if s.rel == "content/a.md")
    plan = plan_article(config, ExtractOptions(), source)
    assert not isinstance(plan, Exception)
    # A translator saves the catalog after the plan was made from the old bytes.
    fill(tmp_path / "locales/fr/a.po", lambda msgid: "Premier texte." if msgid == "First text." else "")
    outcome = apply_article(config, ExtractOptions(), plan)
    assert outcome.report.errors == []
    po = read_po(tmp_path / "locales/fr/a.po")
    assert po.find("First text.").msgstr == "Premier texte."
    assert po.find("Third text.") is not None


def test_extract_and_merge_clean_what_a_killed_run_left_in_every_folder_they_write(tmp_path: Path) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    # Temporary files as a run killed mid-write leaves them: a catalog, a state file, a page.
    left = [
        tmp_path / "locales/fr/.a.po.4242-1.tmp",
        tmp_path / STATE_DIR / ".merge.json.4242-2.tmp",
        tmp_path / "content/.a.fr.md.4242-3.tmp",
    ]
    for path in left:
        path.write_bytes(b"half")
    assert run(tmp_path, "extract", "-q", "--force").exit_code == 0
    assert [p.exists() for p in left] == [False, False, True]
    assert run(tmp_path, "merge", "-q").exit_code == 0
    assert not list(tmp_path.rglob("*.tmp"))


def test_rewritten_po_files_make_the_template_pending_again(tmp_path: Path) -> None:
    # A PO file recreated (or --force) with texts still to fill: until the project-wide pass
    # has run, the template must not vouch for the catalogs, even though its bytes are the same.
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    (tmp_path / "locales/fr/a.po").unlink()
    config = load_config(tmp_path)
    source = next(s for s in discover(config).sources if s.rel == "content/a.md")
    plan = plan_article(config, ExtractOptions(), source)
    assert not isinstance(plan, Exception)
    assert [c.changed for c in plan.catalogs] == [True, False]
    outcome = apply_article(config, ExtractOptions(), plan)
    assert outcome.stamp == "locales/templates/a.pot"
    assert b"X-Translate-Flow-Source: pending-" in (tmp_path / "locales/templates/a.pot").read_bytes()
    # A whole run confirms it again.
    assert run(tmp_path, "extract", "-q").exit_code == 0
    assert b"pending-" not in (tmp_path / "locales/templates/a.pot").read_bytes()


def test_a_first_extract_writes_each_template_once_with_its_final_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No PO file, compendium or memory yet: the project-wide pass has nothing to fill from,
    # so no template waits for it.
    _site(tmp_path)
    renames = _record_renames(monkeypatch)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    templates = [p for p in renames if p.suffix == ".pot"]
    assert sorted(p.name for p in templates) == ["a.pot", "b.pot"]
    assert all(b"pending-" not in p.read_bytes() for p in templates)


def test_a_language_with_translations_keeps_the_pass_and_its_pending_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    fill(tmp_path / "locales/fr/a.po", lambda msgid: "FR " + msgid)
    write_tree(tmp_path, {"content/c.md": "Second text.\n\nNew text.\n"})
    renames = _record_renames(monkeypatch)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    # c's template is written pending, then confirmed once the pass filled its PO file from a.po.
    assert [p.name for p in renames if p.suffix == ".pot"] == ["c.pot", "c.pot"]
    assert b"pending-" not in (tmp_path / "locales/templates/c.pot").read_bytes()
    entries = {e.msgid: e for e in read_po(tmp_path / "locales/fr/c.po")}
    assert entries["Second text."].msgstr == "FR Second text."
    assert "fuzzy" not in entries["Second text."].flags


def test_a_compendium_keeps_the_pending_fingerprint_of_a_new_site(tmp_path: Path) -> None:
    _site(tmp_path)
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr"]\n\n[engines.memory]\ncompendium = "tm.po"\n',
            "tm.po": 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "Other text."\nmsgstr "Autre texte."\n',
        },
    )
    config = load_config(tmp_path)
    options = ExtractOptions(memory_folders=folders_with_catalogs(config))
    assert options.memory_folders == frozenset()
    assert waits_for_project(config, options, "fr")
    source = next(s for s in discover(config).sources if s.rel == "content/b.md")
    plan = plan_article(config, options, source)
    assert not isinstance(plan, Exception)
    assert apply_article(config, options, plan).stamp == "locales/templates/b.pot"


def test_folders_with_catalogs_are_those_holding_a_po_file_at_any_depth(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr", "de", "ja"]\n',
            "locales/fr/docs/a.po": "",
            "locales/de/notes.txt": "",
            "locales/templates/a.pot": "",
        },
    )
    (tmp_path / "locales/ja").mkdir()
    config = load_config(tmp_path)
    assert folders_with_catalogs(config) == frozenset({"fr"})
    options = ExtractOptions(memory_folders=folders_with_catalogs(config))
    assert [waits_for_project(config, options, lang) for lang in ("fr", "de", "ja")] == [True, False, False]
    assert waits_for_project(config, ExtractOptions(), "ja"), "not looked at: every language waits"


def test_applying_an_article_hands_its_segments_back_instead_of_writing_them(tmp_path: Path) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    source = next(s for s in discover(config).sources if s.rel == "content/a.md")
    plan = plan_article(config, ExtractOptions(), source)
    assert not isinstance(plan, Exception)
    outcome = apply_article(config, ExtractOptions(), plan)
    # A worker never opens the store: two workers writing it would wait on each other's lock.
    assert not segment_store(tmp_path).exists()
    assert outcome.segments == [(source.digest, segment_rows(plan.segments))]


def test_a_parallel_extract_saves_every_article_s_segments_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = {f"content/p{k:02}.md": f"Page {k} text.\n\n- Item {k}.\n" for k in range(20)}
    write_tree(tmp_path, {"translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n', **pages})
    batches: list[list[str]] = []
    real = extract_step.save_segment_rows

    def recording(root: Path, rows: list[tuple[str, str]]) -> None:
        batches.append([digest for digest, _ in rows])
        real(root, rows)

    monkeypatch.setattr(extract_step, "ROWS_PER_SAVE", 8)
    monkeypatch.setattr(extract_step, "save_segment_rows", recording)
    assert run(tmp_path, "extract", "-q", "--jobs", "2").exit_code == 0
    # Saved by the run, in batches as the workers' results came in, each article once.
    assert [len(batch) for batch in batches] == [8, 8, 4]
    saved = [digest for batch in batches for digest in batch]
    sources = discover(load_config(tmp_path)).sources
    assert sorted(saved) == sorted(s.digest for s in sources) and len(set(saved)) == 20
    assert all(load_segments(tmp_path, s.digest) is not None for s in sources)
