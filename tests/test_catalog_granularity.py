"""Issue 17 item 1: `catalogs` chooses one PO file per article, per section or per language.

A shared catalog has one entry per distinct text with every reference; extract, merge,
check, status and pretranslate work per catalog; switching the setting loses no work; and
Weblate's own discovery (translation-finder) proposes exactly one component per catalog.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from tests.conftest import all_catalogs, msgfmt_check, project_tree, read_po, run, write_tree

ARTICLES = {
    "content/_index.md": "---\ntitle: Home\n---\n\nWelcome to the club.\n\nOpen every day.\n",
    "content/news/rally.md": "---\ntitle: Spring rally\n---\n\nOpen every day.\n\nThe rally starts at the old mill.\n",
    "content/news/prizes.md": (
        "---\ntitle: Prizes\ntranslations: [es]\n---\n\nThree prizes this year.\n\nSee the [rules](/rules/).\n"
    ),
    "content/docs/join.md": "---\ntitle: Join us\n---\n\nFill in the form and pay the fee.\n",
}


def _config(catalogs: str) -> str:
    return f'languages = ["fr", "de"]\ncatalogs = "{catalogs}"\nmin_percent = 0\n'


def _site(root: Path, catalogs: str) -> Path:
    return write_tree(root, {"translate-flow.toml": _config(catalogs), **ARTICLES})


def _translate(path: Path) -> None:
    po = read_po(path, wrapwidth=0)
    for entry in po:
        entry.msgstr = f"[{path.parent.name}] {entry.msgid}" if "rules" not in entry.msgid else "Voir le règlement."
    po.save(str(path))


def test_section_catalogs_share_texts_and_hold_each_languages_articles(project: Path) -> None:
    _site(project, "section")
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    po_files = sorted(p.relative_to(project).as_posix() for p in all_catalogs(project))
    assert po_files == [
        "locales/de/_root.po",
        "locales/de/docs.po",
        "locales/de/news.po",
        "locales/es/news.po",
        "locales/fr/_root.po",
        "locales/fr/docs.po",
        "locales/fr/news.po",
        "locales/templates/_root.pot",
        "locales/templates/docs.pot",
        "locales/templates/news.pot",
    ]
    msgfmt_check(*all_catalogs(project))
    news = read_po(project / "locales/fr/news.po")
    assert news.find("Open every day.").occurrences == [("content/news/rally.md", "5")]
    assert {e.msgid for e in news} >= {"Spring rally", "Prizes", "Three prizes this year."}
    # Spanish is asked for by one article only: its catalog holds that article's texts.
    assert {e.msgid for e in read_po(project / "locales/es/news.po")} == {
        "Prizes",
        "Three prizes this year.",
        "See the [rules](/rules/).",
    }

    # Nothing changed: every article is skipped; one changed article re-plans its section only.
    before = project_tree(project)
    assert "4 articles unchanged since last run" in run(project, "extract").output
    rally = project / "content/news/rally.md"
    rally.write_text(rally.read_text().replace("old mill", "new bridge"))
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    changed = {rel for rel, data in project_tree(project).items() if before.get(rel) != data} - {
        "content/news/rally.md"
    }
    assert changed == {"locales/fr/news.po", "locales/de/news.po", "locales/templates/news.pot"}

    # A path selects a whole catalog: the other article of the section keeps its texts.
    before = project_tree(project)
    assert run(project, "extract", "--force", str(rally)).exit_code == 0
    assert project_tree(project) == before


def test_one_language_catalog_merges_every_page_and_counts_once(project: Path) -> None:
    _site(project, "language")
    assert run(project, "extract", "-q").exit_code == 0
    for lang in ("fr", "de", "es"):
        _translate(project / f"locales/{lang}/content.po")
    result = run(project, "merge")
    assert result.exit_code == 0, result.output
    assert "Welcome" in (project / "content/_index.fr.md").read_text()
    assert (project / "content/news/rally.de.md").read_text().count("[de] Open every day.") == 1
    assert "Voir le règlement." not in (project / "content/news/prizes.fr.md").read_text()  # lost its link
    # The held-back text is named once, for the one page that has it.
    assert result.output.count("not merged") == 3  # fr, de, es: once per language
    status = json.loads(run(project, "status", "--format", "json").output)
    fr = next(row for row in status["languages"] if row["language"] == "fr")
    assert fr["articles"] == 4
    assert fr["entries"] == len([e for e in read_po(project / "locales/fr/content.po") if e.msgid])
    check = json.loads(run(project, "check", "--format", "json").output)
    broken = [f for f in check["findings"] if f["category"] == "broken" and f.get("language") == "fr"]
    assert len(broken) == 1  # one entry, one finding, however many articles share the catalog


def _work(project: Path) -> dict[tuple[str, str], tuple[str, bool, str, str | None]]:
    """Every translated or fuzzy entry of every target language: the work a switch must keep."""
    found: dict[tuple[str, str], tuple[str, bool, str, str | None]] = {}
    for lang in ("fr", "de", "es"):
        for path in sorted((project / "locales" / lang).rglob("*.po")):
            if "_hugo" in path.parts:
                continue
            for entry in polib.pofile(str(path)):
                if entry.msgstr and not entry.obsolete:
                    key = (lang, entry.msgid)
                    found.setdefault(key, (entry.msgstr, "fuzzy" in entry.flags, entry.tcomment, entry.previous_msgid))
    return found


@pytest.mark.parametrize("order", [("article", "section", "language", "article"), ("language", "article", "section")])
def test_switching_granularity_carries_every_translation_over(project: Path, order: tuple[str, ...]) -> None:
    _site(project, order[0])
    assert run(project, "extract", "-q").exit_code == 0
    for path in all_catalogs(project):
        if path.suffix == ".po":
            po = read_po(path, wrapwidth=0)
            for entry in po:
                entry.msgstr = f"<{entry.msgid}>"
                if entry.msgid == "Open every day.":
                    entry.flags.append("fuzzy")
                    entry.previous_msgid = "Open most days."
                    entry.tcomment = "Ana: check the opening hours"
            po.save(str(path))
    work = _work(project)
    assert len(work) > 10
    for setting in order[1:]:
        (project / "translate-flow.toml").write_text(_config(setting))
        result = run(project, "extract")
        assert result.exit_code == 0, result.output
        carried = [line for line in result.output.splitlines() if "(`catalogs` changed)" in line]
        assert carried
        for line in carried:
            # "<new file>: took the translations of <old>, <old> (`catalogs` changed); …": now unused.
            olds = line.split(": took the translations of ", 1)[1].split(" (`catalogs`", 1)[0]
            for old in olds.split(", "):
                (project / old).unlink(missing_ok=True)
        msgfmt_check(*all_catalogs(project))
        assert _work(project) == work, setting


@pytest.mark.parametrize("setting", ["article", "section", "language", "{lang}/{section}/{stem}.po"])
def test_translation_finder_proposes_one_component_per_catalog(project: Path, setting: str) -> None:
    discover = pytest.importorskip("translation_finder").discover
    _site(project, setting)
    assert run(project, "extract", "-q").exit_code == 0
    for path in all_catalogs(project):
        if path.suffix == ".po":
            _translate(path)
    assert run(project, "merge", "-q").exit_code == 0  # translated pages beside the sources, as on a real site
    found = [dict(found) for found in discover(str(project))]
    components = [c for c in found if c["file_format"] == "po"]
    templates = sorted(p.relative_to(project).as_posix() for p in all_catalogs(project) if p.suffix == ".pot")
    assert sorted(c["new_base"] for c in components) == templates
    # Everything else it proposes is the Markdown pages themselves, which merge writes.
    assert {c["file_format"] for c in found} <= {"po", "markdown"}
    for component in components:
        mask = component["filemask"]
        name = component["new_base"].removeprefix("locales/templates/").removesuffix(".pot")
        assert mask == f"locales/*/{name}.po"


def test_a_text_translated_two_ways_keeps_both_when_catalogs_merge(project: Path) -> None:
    _site(project, "article")
    assert run(project, "extract", "-q").exit_code == 0
    for rel, text, note in (
        ("_index", "Ouvert tous les jours.", "Ana: as on the poster"),
        ("news/rally", "Ouvert chaque jour.", ""),
    ):
        path = project / f"locales/fr/{rel}.po"
        po = read_po(path, wrapwidth=0)
        entry = po.find("Open every day.")
        entry.msgstr, entry.tcomment = text, note
        po.save(str(path))
    (project / "translate-flow.toml").write_text(_config("language"))
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    assert "1 texts translated two ways there keep the other way as a translator comment" in result.output
    entry = read_po(project / "locales/fr/content.po").find("Open every day.")
    assert entry.msgstr == "Ouvert tous les jours."
    assert entry.tcomment.splitlines() == [
        "Ana: as on the poster",
        "other translation in locales/fr/news/rally.po: Ouvert chaque jour.",
    ]
    msgfmt_check(project / "locales/fr/content.po")
