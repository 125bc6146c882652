"""document.front_matter_segments and document.segment: which texts of an article are segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.document.article import parse_article
from translate_flow.document.front_matter_segments import front_matter_segments, key_matches
from translate_flow.document.segment import is_translatable


def _segments(text: str, keys: tuple[str, ...]) -> list[tuple[str, str, int]]:
    article = parse_article(text.encode(), Path("a.md"), "content/a.md", "en")
    return [(s.text, s.kind, s.location.line) for s in front_matter_segments(article, keys)]


def test_the_values_of_the_chosen_keys_in_source_order() -> None:
    text = (
        "---\nsummary: Short text\ntitle: A title\nparams:\n  subtitle: Under it\n  tags: [One tag, two]\n---\nBody.\n"
    )
    assert _segments(text, ("title", "summary", "params.subtitle", "params.tags")) == [
        ("Short text", "front matter: summary", 2),
        ("A title", "front matter: title", 3),
        ("Under it", "front matter: params.subtitle", 5),
        ("One tag", "front matter: params.tags", 6),
        ("two", "front matter: params.tags", 6),
    ]


def test_values_without_words_and_articles_without_front_matter_give_none() -> None:
    assert _segments("---\ntitle: '`make`'\nsummary: ''\n---\n", ("title", "summary")) == []
    assert _segments("Body only.\n", ("title",)) == []


def test_an_aliased_value_is_one_segment() -> None:
    text = "---\ntitle: &t Shared words\nsummary: *t\n---\n"
    assert _segments(text, ("title", "summary")) == [("Shared words", "front matter: title", 2)]


def test_key_matches_skips_list_indices() -> None:
    assert key_matches(("params", "tags", 0), "params.tags")
    assert not key_matches(("params", "tags"), "params")


@pytest.mark.parametrize(
    ("text", "translatable"),
    [
        ("Plain words", True),
        ("`code` only", True),
        ("`code`", False),
        ("https://example.org/page", False),
        ('{{< ref "a.md" >}}', False),
        ("<br/>", False),
        ("[^1]", False),
        ("![](/x.png)", False),
        ("42", False),
        ("中文", True),
    ],
)
def test_is_translatable(text: str, translatable: bool) -> None:
    assert is_translatable(text) is translatable
