"""project/exclude.py and the ``exclude`` setting: what a glob leaves out of discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run, write_tree
from translate_flow.config import load_config
from translate_flow.errors import ConfigError
from translate_flow.project.discover import discover
from translate_flow.project.exclude import Exclusions, glob_problem


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("content/drafts", "content/drafts/a.md", True),
        ("content/drafts/**", "content/drafts/deep/a.md", True),
        ("content/drafts", "content/drafts-old/a.md", False),
        ("content/**/_*.md", "content/_index.md", True),
        ("content/**/_*.md", "content/docs/_index.fr.md", True),
        ("content/**/_*.md", "content/docs/index.md", False),
        ("content/*.md", "content/docs/a.md", False),
        ("content/?.md", "content/a.md", True),
        ("content/[ab].md", "content/b.md", True),
        ("content/[!ab].md", "content/b.md", False),
        ("**/secret.md", "content/x/secret.md", True),
        ("./content/a.md", "content/a.md", True),
        ("content/a+b.md", "content/a+b.md", True),
    ],
)
def test_glob_matching(glob: str, path: str, expected: bool) -> None:
    assert Exclusions([glob]).excludes(path) is expected


@pytest.mark.parametrize("glob", ["/content", "../content/**", "", "  "])
def test_unusable_globs_are_named(glob: str) -> None:
    assert glob_problem(glob) is not None


def test_excluded_pages_are_not_sources_and_excluded_outputs_are_not_targets(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr", "de"]\nexclude = ["content/drafts", "content/**/*.de.md"]\n',
            "content/a.md": "A.\n",
            "content/drafts/b.md": "B.\n",
        },
    )
    config = load_config(tmp_path)
    assert config.exclude == ("content/drafts", "content/**/*.de.md")
    found = discover(config)
    assert [s.rel for s in found.sources] == ["content/a.md"]
    assert found.sources[0].targets == ("fr",)


def test_a_bad_glob_in_the_config_is_a_config_error_on_its_line(tmp_path: Path) -> None:
    write_tree(tmp_path, {"translate-flow.toml": 'languages = ["fr"]\nexclude = ["../elsewhere"]\n'})
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).endswith(
        ":2: 'exclude': '../elsewhere' must be relative to the project root, without '..'"
    )


def test_an_excluded_output_of_a_lone_article_keeps_no_catalog(tmp_path: Path) -> None:
    # A lone article is parsed late (resolve, in extract's worker): the same rule applies there.
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr", "de"]\nexclude = ["content/post.de.md"]\n',
            "content/post.md": "Hello.\n",
        },
    )
    assert run(tmp_path, "extract", "-q").exit_code == 0
    assert (tmp_path / "locales/fr/post.po").is_file()
    assert not (tmp_path / "locales/de/post.po").exists()
    assert "X-Translate-Flow-Targets: fr\\n" in (tmp_path / "locales/templates/post.pot").read_text()
