"""Which catalog an article's texts go into (project.catalog_names)."""

from __future__ import annotations

import pytest

from translate_flow.project.catalog_names import ROOT_SECTION, catalog_name, catalog_problem, per_article, section_of


@pytest.mark.parametrize(
    ("setting", "stem", "name"),
    [
        ("article", "news/2024/post", "news/2024/post"),
        ("section", "news/2024/post", "news"),
        ("section", "_index", ROOT_SECTION),
        ("language", "news/post", "content"),
        ("{lang}/{section}/{stem}.po", "news/post", "news/news/post"),
        ("{lang}/site.po", "docs/a", "site"),
    ],
)
def test_catalog_name(setting: str, stem: str, name: str) -> None:
    assert catalog_problem(setting) is None
    assert catalog_name(setting, stem) == name


@pytest.mark.parametrize(
    ("setting", "problem"),
    [
        ("chapter", "must be"),
        ("{section}.po", "must be"),
        ("{lang}/{lang}.po", "must be"),
        ("{lang}/{page}.po", "unknown placeholder {page}"),
        ("{lang}/{section}.mo", "must end with"),
        ("{lang}/.po", "must end with"),
        ("{lang}/../x.po", "without empty"),
        ("{lang}//x.po", "without empty"),
        ("{lang}/_hugo/site.po", "site's own catalogs"),
        ("{lang}/templates.po", None),
    ],
)
def test_catalog_problems(setting: str, problem: str | None) -> None:
    found = catalog_problem(setting)
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_per_article_and_sections() -> None:
    assert per_article("article") and per_article("{lang}/x/{stem}.po")
    assert not per_article("section") and not per_article("language")
    assert section_of("a/b/c") == "a" and section_of("top") == ROOT_SECTION
