"""project/discover.py: what discovery yields is frozen, and lazy discovery parses nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.conftest import run, write_tree
from translate_flow.config import load_config
from translate_flow.project.discover import Source, Unresolved, discover, resolve, select_sources


def _site(root: Path) -> None:
    write_tree(
        root,
        {
            "translate-flow.toml": 'languages = ["fr", "de"]\n',
            "content/alone.md": "Alone.\n",
            "content/pair.md": "Pair.\n",
            "content/pair.fr.md": "Paire.\n",
        },
    )


def test_discovered_values_cannot_be_changed(tmp_path: Path) -> None:
    _site(tmp_path)
    found = discover(load_config(tmp_path))
    source = found.sources[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.language = "xx"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.sources = ()  # type: ignore[misc]
    assert isinstance(found.sources, tuple) and isinstance(found.errors, tuple)


def test_lazy_discovery_leaves_a_lone_changed_article_unresolved(tmp_path: Path, parsed_articles: list[str]) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    found = discover(config, lazy=True)
    assert [u.rel for u in found.unresolved] == ["content/alone.md"]
    # The pair must be parsed now: its outputs are decided against each other.
    assert [s.rel for s in found.sources] == ["content/pair.md"]
    assert "content/alone.md" not in parsed_articles
    item = found.unresolved[0]
    assert isinstance(item, Unresolved)
    source = resolve(config, item)
    assert isinstance(source, Source)
    assert source.targets == ("fr", "de")
    assert source.outputs["de"] == tmp_path / "content/alone.de.md"
    assert source.article is not None and source.article.rel == "content/alone.md"


def test_fresh_articles_are_not_parsed_again(tmp_path: Path, parsed_articles: list[str]) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    parsed_articles.clear()
    found = discover(load_config(tmp_path))
    assert all(source.fresh for source in found.sources)
    assert parsed_articles == []
    assert all(source.article is None for source in found.sources)


def test_select_keeps_only_items_under_the_paths(tmp_path: Path) -> None:
    _site(tmp_path)
    found = discover(load_config(tmp_path))
    assert [s.rel for s in select_sources(found.sources, [tmp_path / "content/pair.md"])] == ["content/pair.md"]
    assert len(select_sources(found.sources, [])) == len(found.sources)


def test_discovery_refuses_a_link_out_of_the_project_before_reading_it(tmp_path: Path) -> None:
    project = tmp_path / "site"
    _site(project)
    outside = tmp_path / "secret.md"
    outside.write_text("Secret.\n", encoding="utf-8")
    (project / "content" / "link.md").symlink_to(outside)
    for lazy in (True, False):
        found = discover(load_config(project), lazy=lazy)
        assert [str(e) for e in found.errors] == [
            "content/link.md: is a symbolic link to a file outside the project; refused"
        ]
        assert "content/link.md" not in [*(s.rel for s in found.sources), *(u.rel for u in found.unresolved)]
