"""Issue 16 item 2: merge never overwrites a translated page it did not write, unless asked.

A page is merge's when it is missing, still holds what merge last wrote (the ownership
record in locales/written-by-translate-flow.json), or already holds exactly what merge
would write. Anything else is someone's work: left alone, reported, replaced only with
``merge --overwrite``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import fill, read_po, run, write_tree
from translate_flow.project.ownership import RECORD_NAME, file_digest

NOT_OURS = "not written: it was not written by translate-flow (or was changed after)"
WAY_OUT = "run `translate-flow import` to bring its translations into the PO file, or `translate-flow merge --overwrite` to replace it"
HUMAN = "---\ntitle: Écrit à la main\n---\n\nUne page écrite par quelqu'un.\n"
SOURCE = "---\ntitle: Written by hand\n---\n\nHello.\n\nWorld.\n"
FRENCH = {"Written by hand": "Écrit", "Hello.": "Bonjour.", "World.": "Monde."}
MERGED = "---\ntitle: Écrit\n---\n\nBonjour.\n\nMonde.\n"


def _site(project: Path, layout: str = "filename") -> tuple[Path, str]:
    """A one-article site with a fully translated French catalog; the French page's path."""
    if layout == "directory":
        config = 'languages = ["fr"]\nlayout = "directory"\n[content_dirs]\nen = "content/en"\nfr = "content/fr"\n'
        source, out = "content/en/a.md", "content/fr/a.md"
    else:
        config, source, out = 'languages = ["fr"]\n', "content/a.md", "content/a.fr.md"
    write_tree(project, {"translate-flow.toml": config, source: SOURCE})
    assert run(project, "extract", "-q").exit_code == 0
    fill(project / "locales/fr/a.po", FRENCH.__getitem__)
    return project / out, out


def _record(project: Path) -> dict[str, str]:
    """The files the ownership record names (none when it is missing or not JSON)."""
    try:
        files: dict[str, str] = json.loads((project / "locales" / RECORD_NAME).read_text())["files"]
    except (OSError, ValueError):
        return {}
    return files


def _retranslate(project: Path, hello: str) -> None:
    fill(project / "locales/fr/a.po", lambda m: hello if m == "Hello." else FRENCH[m])


@pytest.mark.parametrize("layout", ["filename", "directory"])
def test_a_hand_written_page_survives_merge_and_is_reported(project: Path, layout: str) -> None:
    page, rel = _site(project, layout)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(HUMAN)
    merged = run(project, "merge")
    assert merged.exit_code == 0, merged.output
    assert f"{rel}: {NOT_OURS}; {WAY_OUT}" in merged.output
    assert page.read_text() == HUMAN and rel not in _record(project)
    # Said again on the next run: the state cache does not make the page look done.
    assert NOT_OURS in run(project, "merge").output and page.read_text() == HUMAN
    report = json.loads(run(project, "check", "--format", "json").output)
    assert [(f["path"], f["check"], f["message"]) for f in report["findings"] if f["category"] == "output"] == [
        (
            rel,
            "outdated-output",
            f"merge leaves it alone: it was not written by translate-flow (or was changed after); {WAY_OUT}",
        )
    ]


@pytest.mark.parametrize("layout", ["filename", "directory"])
def test_overwrite_replaces_it_and_then_merge_keeps_it_up_to_date(project: Path, layout: str) -> None:
    page, rel = _site(project, layout)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(HUMAN)
    replaced = run(project, "merge", "--overwrite")
    assert replaced.exit_code == 0 and f"wrote {rel}" in replaced.output
    assert page.read_text() == MERGED and rel in _record(project)
    _retranslate(project, "Salut.")
    again = run(project, "merge")
    assert f"wrote {rel}" in again.output and NOT_OURS not in again.output
    assert page.read_text() == MERGED.replace("Bonjour.", "Salut.")


@pytest.mark.parametrize("layout", ["filename", "directory"])
def test_a_page_merge_wrote_is_updated_after_a_po_change(project: Path, layout: str) -> None:
    page, rel = _site(project, layout)
    assert f"wrote {rel}" in run(project, "merge").output
    assert page.read_text() == MERGED and rel in _record(project)
    _retranslate(project, "Salut.")
    assert f"wrote {rel}" in run(project, "merge").output
    assert page.read_text() == MERGED.replace("Bonjour.", "Salut.")
    shutil.rmtree(project / ".translate-flow")  # a CI clone: only the committed record knows
    _retranslate(project, "Coucou.")
    assert f"wrote {rel}" in run(project, "merge").output
    assert page.read_text() == MERGED.replace("Bonjour.", "Coucou.")


@pytest.mark.parametrize("layout", ["filename", "directory"])
def test_a_page_edited_after_merge_is_left_alone(project: Path, layout: str) -> None:
    page, rel = _site(project, layout)
    assert run(project, "merge", "-q").exit_code == 0
    edited = MERGED.replace("Monde.", "Le monde entier, revu par une personne.")
    page.write_text(edited)
    # Inputs unchanged: the merge state cache must not let the edit pass unjudged.
    unchanged_inputs = run(project, "merge")
    assert f"{rel}: {NOT_OURS}" in unchanged_inputs.output and page.read_text() == edited
    _retranslate(project, "Salut.")
    assert NOT_OURS in run(project, "merge").output and page.read_text() == edited
    # Put back exactly as merge would write it, the page is merge's again.
    page.write_text(MERGED.replace("Bonjour.", "Salut."))
    assert NOT_OURS not in run(project, "merge").output
    _retranslate(project, "Coucou.")
    assert f"wrote {rel}" in run(project, "merge").output


def test_a_page_already_holding_what_merge_would_write_is_adopted(project: Path) -> None:
    page, rel = _site(project)
    page.write_text(MERGED)
    merged = run(project, "merge")
    assert NOT_OURS not in merged.output and "0 written, 1 unchanged" in merged.output
    assert rel in _record(project)
    _retranslate(project, "Salut.")
    assert f"wrote {rel}" in run(project, "merge").output


def test_pages_merge_wrote_before_the_record_existed(project: Path) -> None:
    """Migration (docs/decisions.md): a page merge wrote before the record existed is
    adopted when it holds what merge would write now, or what merge's state cache says it
    wrote there; otherwise it is left alone."""
    page, rel = _site(project)
    assert run(project, "merge", "-q").exit_code == 0
    record = project / "locales" / RECORD_NAME
    record.unlink()
    # The state cache remembers what merge wrote: a PO change still updates the page.
    _retranslate(project, "Salut.")
    assert f"wrote {rel}" in run(project, "merge").output and rel in _record(project)
    # No record and no cache (a fresh clone), page as merge would write it: adopted silently.
    record.unlink()
    shutil.rmtree(project / ".translate-flow")
    assert NOT_OURS not in run(project, "merge").output and rel in _record(project)
    # No record, no cache, and the page differs from what merge would write: left alone.
    record.unlink()
    shutil.rmtree(project / ".translate-flow")
    _retranslate(project, "Coucou.")
    before = page.read_bytes()
    assert NOT_OURS in run(project, "merge").output and page.read_bytes() == before


def _hand_pages(project: Path, count: int) -> dict[Path, bytes]:
    """``count`` articles, fully translated, each with a hand-written French page."""
    files: dict[str, str] = {"translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n'}
    for n in range(count):
        files[f"content/p{n}.md"] = f"Paragraph {n}.\n"
        files[f"content/p{n}.fr.md"] = f"Paragraphe {n}, écrit à la main.\n"
    write_tree(project, files)
    return {project / rel: data.encode() for rel, data in files.items() if rel.endswith(".fr.md")}


def _translate_all(project: Path) -> None:
    assert run(project, "extract", "-q").exit_code == 0
    for po in (project / "locales/fr").glob("*.po"):
        fill(po, lambda m: m.replace("Paragraph", "Paragraphe"))


def _plain(project: Path) -> None:
    _translate_all(project)
    run(project, "merge")


def _twice_then_po_change(project: Path) -> None:
    _translate_all(project)
    run(project, "merge")
    for po in (project / "locales/fr").glob("*.po"):
        fill(po, lambda m: "Autre " + m)
    run(project, "merge")


def _parallel(project: Path) -> None:
    _translate_all(project)
    run(project, "merge", "--jobs", "4")


def _fuzzy(project: Path) -> None:
    assert run(project, "extract", "-q").exit_code == 0
    for po_path in (project / "locales/fr").glob("*.po"):
        po = read_po(po_path)
        for entry in po:
            entry.msgstr, entry.flags = "Brouillon " + entry.msgid, ["fuzzy"]
        po.save(str(po_path))
    run(project, "merge", "--include-fuzzy")


def _without_caches(project: Path) -> None:
    _translate_all(project)
    run(project, "merge")
    shutil.rmtree(project / ".translate-flow", ignore_errors=True)
    (project / "locales" / RECORD_NAME).unlink(missing_ok=True)
    run(project, "merge")


def _broken_record(project: Path) -> None:
    _translate_all(project)
    (project / "locales" / RECORD_NAME).write_text("{not json")
    # Merge stops with one line instead of guessing (a save over it would forget every page it names).
    refused = run(project, "merge")
    assert refused.exit_code == 1 and f"locales/{RECORD_NAME}:1: is not valid JSON" in refused.output, refused.output
    assert (project / "locales" / RECORD_NAME).read_text() == "{not json"
    (project / "locales" / RECORD_NAME).unlink()  # the way out the message gives
    run(project, "merge")


def _record_of_other_bytes(project: Path) -> None:
    _translate_all(project)
    # A record that claims each page with the digest of some other bytes does not make them merge's.
    files = {f"content/p{n}.fr.md": "0" * 64 for n in range(20)}
    (project / "locales" / RECORD_NAME).write_text(json.dumps({"files": files}))
    run(project, "merge")


def _forged_state_cache(project: Path) -> None:
    _translate_all(project)
    # A state cache saying merge wrote other bytes there (and that the inputs are unchanged)
    # changes nothing: only a page holding what merge wrote is merge's.
    state = project / ".translate-flow/merge.json"
    state.parent.mkdir(exist_ok=True)
    entry = {"in": "0" * 64, "out": "0" * 64, "po": "", "held": []}
    state.write_text(json.dumps({f"content/p{n}.fr.md": entry for n in range(20)}))
    run(project, "merge")


def _sync(project: Path) -> None:
    config = project / "translate-flow.toml"
    config.write_text(
        config.read_text() + '[pretranslate]\nengines = ["shout"]\n'
        '[engines.shout]\nclass = "tests.plugin_engine:ShoutEngine"\n'
    )
    run(project, "sync", "--include-fuzzy")


SCENARIOS: dict[str, Callable[[Path], None]] = {
    "plain": _plain,
    "twice-then-po-change": _twice_then_po_change,
    "parallel": _parallel,
    "fuzzy": _fuzzy,
    "without-caches": _without_caches,
    "broken-record": _broken_record,
    "record-of-other-bytes": _record_of_other_bytes,
    "forged-state-cache": _forged_state_cache,
    "sync": _sync,
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_no_way_to_overwrite_a_human_page_without_overwrite(project: Path, scenario: str) -> None:
    pages = _hand_pages(project, 20)  # 20 articles: enough for --jobs to use worker processes
    SCENARIOS[scenario](project)
    assert {path: path.read_bytes() for path in pages} == pages
    record = _record(project)
    assert all(record.get(path.relative_to(project).as_posix()) != file_digest(data) for path, data in pages.items())
    # And the way out works: --overwrite replaces every one of them.
    assert run(project, "merge", "--overwrite", "--include-fuzzy").exit_code == 0
    assert all(path.read_bytes() != data for path, data in pages.items())


def test_the_state_cache_never_stands_in_for_the_record(project: Path) -> None:
    page, rel = _site(project)
    assert run(project, "merge", "-q").exit_code == 0
    record = project / "locales" / RECORD_NAME
    stale = json.loads(record.read_text())
    stale["files"][rel] = "0" * 64  # e.g. an older record brought back from git
    record.write_text(json.dumps(stale))
    # The cache says the page is up to date; the page is judged anyway, and as it holds
    # exactly what merge would write, the record is put right.
    assert "0 written, 1 unchanged" in run(project, "merge").output
    assert _record(project)[rel] == file_digest(page.read_bytes())
