"""A real Hugo site full of shortcodes, attributes, maths, footnotes and tables, translated by a
hostile engine and by Apertium: it must build, and every page must keep its source's structure."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, all_catalogs, hugo_build, msgfmt_check, need_apertium, run

SITE = REPO / "tests/sites/hugo-markup"
PAGES = ["index.html", "docs/shortcodes/index.html", "docs/maths/index.html"]
_MAIN = re.compile(r"<main>(.*)</main>", re.DOTALL)
_TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9]*)")


def _structure(page: Path) -> list[str]:
    """The elements of the page's content in document order; line breaks aside."""
    match = _MAIN.search(page.read_text(encoding="utf-8"))
    assert match, f"{page} has no <main>"
    return [tag.lower() for tag in _TAG.findall(match.group(1)) if tag.lower() not in ("br", "/br")]


def _held(output: str) -> set[tuple[str, int]]:
    return {
        (m.group(1), int(m.group(2)))
        for m in re.finditer(r"^(locales/\S+\.po):(\d+): not merged: ", output, re.MULTILINE)
    }


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    (root / "translate-flow.toml").write_text(
        'languages = ["fr", "es"]\nmin_percent = 0\n[engines.hostile]\nclass = "tests.plugin_engine:HostileEngine"\n',
        encoding="utf-8",
    )
    assert run(root, "extract", "-q").exit_code == 0
    return root


def test_hostile_drafts_never_break_the_site(site: Path) -> None:
    drafted = run(site, "pretranslate", "--engine", "hostile", "--lang", "fr")
    assert drafted.exit_code == 0, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    held = _held(merged.output)
    assert held, "the hostile engine should have been caught at least once"
    assert f"{len(held)} translations held back" in merged.output
    # check finds exactly the entries that merge held back (fuzzy drafts included).
    report = json.loads(run(site, "check", "--lang", "fr", "--format", "json").output)
    broken = {(f["path"], f["line"]) for f in report["findings"] if f["category"] == "broken"}
    assert broken == held
    msgfmt_check(*all_catalogs(site))
    public = hugo_build(site)
    for page in PAGES:
        assert _structure(public / "fr" / page) == _structure(public / page), page
    # Something was really translated, and Hugo markup came through untouched.
    french = (site / "content/docs/shortcodes.fr.md").read_text(encoding="utf-8")
    assert french != (site / "content/docs/shortcodes.md").read_text(encoding="utf-8")
    # The card's title and subtitle are texts of their own: only they may change, the call keeps its shape.
    assert re.search(r'\{\{< card\n  title="[^"\n]+"\n  subtitle="[^"\n]+"\n  icon="bolt"\n>\}\}', french)
    assert "FAST" in french
    assert '{class="no-step-marker"}' in french


def test_apertium_drafts_build_with_the_same_structure(site: Path) -> None:
    need_apertium()
    drafted = run(site, "pretranslate", "--engine", "apertium", "--lang", "es")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    public = hugo_build(site)
    for page in PAGES:
        assert _structure(public / "es" / page) == _structure(public / page), page
    spanish = (site / "content/docs/maths.es.md").read_text(encoding="utf-8")
    assert "\\begin{aligned}" in spanish and "\\(\\pi r^2\\)" in spanish
