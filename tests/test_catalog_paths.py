"""PATHS under the locales folder: a catalog, or a language's folder, selects the articles (and
site files) whose catalogs are there; a path that selects nothing is a usage error, not a pass."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, msgfmt_check, read_po, run, write_tree

ARTICLE = "---\ntitle: Hello\n---\n\nSome [link](https://example.org) text.\n"
NOTHING = "no article, catalog or site file under it"


@pytest.fixture
def site(project: Path) -> Path:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fa", "de"]\n',
            "content/content.md": ARTICLE,
            "content/other.md": "# Other\n\nAnother page.\n",
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fa/content.po"
    po = read_po(path, wrapwidth=0)
    po.find("Hello").msgstr = "سلام"
    po.find("Some [link](https://example.org) text.").msgstr = "متنی بدون پیوند."  # the link is lost
    po.save(str(path))
    msgfmt_check(path)
    return project


def _findings(project: Path, *args: str) -> tuple[int, list[tuple[str, str]], int]:
    result = run(project, "check", "--format", "json", *args)
    data = json.loads(result.output)
    found = [(f["path"], f["check"]) for f in data["findings"]]
    return result.exit_code, found, data["summary"]["files_checked"]


def test_a_catalog_path_checks_its_article_in_that_language(site: Path) -> None:
    for path in ("locales/fa/content.po", "locales/fa", "locales/fa/"):
        code, found, checked = _findings(site, str(site / path))
        assert code == 1, path
        assert ("locales/fa/content.po", "link") in found
        # Only what the path names: the German catalogs are not checked, nor the other article for a file.
        named = "locales/fa/content" if path.endswith(".po") else "locales/fa/"
        assert found and all(p.startswith(named) for p, _ in found), found
        assert checked == (2 if path.endswith(".po") else 4)  # the articles and their fa catalogs
    text = run(site, "check", str(site / "locales/fa/content.po")).output
    assert "locales/fa/content.po:" in text and "OK: 0 errors" not in text


def test_the_template_path_or_the_folder_means_every_language_of_its_articles(site: Path) -> None:
    code, found, _ = _findings(site, str(site / "locales/templates/content.pot"))
    assert code == 1
    assert {p for p, _ in found} == {"locales/fa/content.po", "locales/de/content.po"}
    assert _findings(site, str(site / "locales"))[1] == _findings(site)[1]
    # --lang still chooses.
    assert {p for p, _ in _findings(site, "--lang", "de", str(site / "locales/fa/content.po"))[1]} == {
        "locales/de/content.po"
    }


def test_status_pretranslate_and_merge_take_catalog_paths(site: Path) -> None:
    data = json.loads(run(site, "status", "--format", "json", "--by-article", str(site / "locales/fa")).output)
    assert [(row["language"]) for row in data["languages"]] == ["fa"]
    merged = run(site, "merge", str(site / "locales/fa/content.po"))
    assert merged.exit_code == 0, merged.output
    # merge works on whole articles: this one, every language; the other article is not looked at.
    assert "content/content.fa.md" in merged.output and "other" not in merged.output
    drafted = run(site, "pretranslate", "--engine", "memory", str(site / "locales/de/other.po"))
    assert drafted.exit_code == 0, drafted.output


@pytest.mark.parametrize("command", ["check", "status", "pretranslate", "merge", "extract", "import"])
@pytest.mark.parametrize("path", ["translate-flow.toml", "locales/_memory", "locales/de/missing-folder"])
def test_a_path_that_selects_nothing_is_a_usage_error(site: Path, command: str, path: str) -> None:
    (site / "locales/_memory").mkdir()
    (site / "locales/de/missing-folder").mkdir()
    result = run(site, command, str(site / path))
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines()[-1] == f"Error: {site / path}: {NOTHING}"


def test_extract_of_a_content_path_is_unchanged(site: Path) -> None:
    (site / "content/new.md").write_text("# New\n\nA new page.\n", encoding="utf-8")
    result = run(site, "extract", str(site / "content/new.md"))
    assert result.exit_code == 0, result.output
    assert "wrote locales/fa/new.po" in result.output and "content.po" not in result.output


def test_a_resource_catalog_path_selects_its_site_files(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "tests/sites/hugo-resources", root)
    (root / "translate-flow.toml").write_text('languages = ["es"]\n', encoding="utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    code, found, _ = _findings(root, str(root / "locales/es/_hugo/i18n.po"))
    assert code == 1 and found and {p for p, _ in found} == {"locales/es/_hugo/i18n.po"}
