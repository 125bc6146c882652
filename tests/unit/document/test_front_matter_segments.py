"""document.front_matter_segments and document.segment: which texts of an article are segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.catalog.entry_keys import Key
from translate_flow.document.article import parse_article
from translate_flow.document.front_matter_segments import front_matter_segments, key_matches
from translate_flow.document.segment import is_translatable
from translate_flow.document.splice import merge_article


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


def test_key_matches_ignores_case_at_every_level() -> None:
    assert key_matches(("linktitle",), "linkTitle")
    assert key_matches(("Params", "SubTitle", 1), "params.subtitle")
    assert not key_matches(("params", "subtitles"), "params.subtitle")


KEYS_AS_CONFIGURED = ("linkTitle", "params.subTitle", "Summary")
CASED = {
    "yaml": "---\nLinkTitle: Short\nparams:\n  SUBTITLE: Under it\nsummary: [One, Two]\n---\nBody.\n",
    "toml": '+++\nlinktitle = "Short"\nSUMMARY = ["One", "Two"]\n[Params]\nsubtitle = "Under it"\n+++\nBody.\n',
    "json": '{\n"LINKTITLE": "Short",\n"params": {"Subtitle": "Under it"},\n"summary": ["One", "Two"]\n}\nBody.\n',
}


@pytest.mark.parametrize("form", sorted(CASED))
def test_keys_match_whatever_their_case_and_keep_the_file_s_spelling(form: str) -> None:
    found = {value: kind for value, kind, _ in _segments(CASED[form], KEYS_AS_CONFIGURED)}
    # The comment names the key as the page spells it, so a translator finds it there.
    spelled = {
        "yaml": ("LinkTitle", "params.SUBTITLE", "summary"),
        "toml": ("linktitle", "Params.subtitle", "SUMMARY"),
        "json": ("LINKTITLE", "params.Subtitle", "summary"),
    }[form]
    assert found == {
        "Short": f"front matter: {spelled[0]}",
        "Under it": f"front matter: {spelled[1]}",
        "One": f"front matter: {spelled[2]}",
        "Two": f"front matter: {spelled[2]}",
    }


@pytest.mark.parametrize("form", sorted(CASED))
def test_a_value_under_a_differently_cased_key_is_spliced_in_its_place(form: str) -> None:
    text = CASED[form]
    article = parse_article(text.encode(), Path("a.md"), "content/a.md", "en")
    segments = front_matter_segments(article, KEYS_AS_CONFIGURED)
    translations: dict[Key, str] = {
        (None, "Short"): "Corto",
        (None, "Under it"): 'Debajo "de" eso',
        (None, "Two"): "Dos",
    }
    merged = merge_article(article, segments, translations, "es").text
    again = parse_article(merged.encode(), Path("a.md"), "content/a.md", "es")
    assert sorted(s.text for s in front_matter_segments(again, KEYS_AS_CONFIGURED)) == sorted(
        ["Corto", 'Debajo "de" eso', "One", "Dos"]
    )
    # Only the values changed: the keys keep their case and order.
    assert merged.replace("Corto", "Short").replace("Dos", "Two").count("\n") == text.count("\n")
    for key in ("inkTitle", "SUBTITLE", "linktitle", "Params", "SUMMARY", "LINKTITLE", "Subtitle"):
        assert (key in merged) == (key in text)


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
