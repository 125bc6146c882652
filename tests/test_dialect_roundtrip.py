"""The round trip in each dialect: identity is byte-exact, and a translation changes the
translated texts and nothing else, through admonitions, tabs, definitions, JSX and Liquid."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from tests.conftest import gaps
from tests.dialect_strategies import liquid_page, mdx_page, mkdocs_page
from translate_flow.document.article import Article, parse_article
from translate_flow.document.dialects import DIALECTS
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, with_dialect
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article

MARKUP = with_dialect(DEFAULT_MATH, DIALECTS["mkdocs"])


def _parse(text: str, markup: Markup = MARKUP) -> Article:
    return parse_article(text.encode("utf-8"), Path("page.md"), "docs/page.md", "en", markup.dialect.front_matter)


@given(mkdocs_page())
def test_identity_round_trip_is_byte_exact(page: str) -> None:
    parsed = _parse(page)
    segments, skipped = segment_article(parsed, (), MARKUP)
    assert not skipped
    identity = {(None, s.text): s.text for s in segments}
    result = merge_article(parsed, segments, identity, "fr", MARKUP)
    assert result.text == page


@given(mkdocs_page())
def test_translation_changes_only_the_segments(page: str) -> None:
    parsed = _parse(page)
    segments, _ = segment_article(parsed, (), MARKUP)
    translations = {(None, s.text): "Tx " + s.text for s in segments}
    result = merge_article(parsed, segments, translations, "fr", MARKUP)
    output = _parse(result.text)
    again, skipped = segment_article(output, (), MARKUP)
    assert not skipped
    assert [s.text for s in again] == ["Tx " + s.text for s in segments]
    # A default title ("Note" of `!!! note`) is written out: a title like any other, in quotes.
    assert [s.kind for s in again] == [s.kind.replace(" default title", " title") for s in segments]
    expected = gaps(parsed.text, segments)
    for k, segment in enumerate(segments):
        if segment.kind.endswith("default title"):
            expected[k] += ' "'
            expected[k + 1] = '"' + expected[k + 1]
    assert gaps(output.text, again) == expected


@given(mkdocs_page())
def test_no_segment_starts_or_ends_with_dialect_markup(page: str) -> None:
    segments, _ = segment_article(_parse(page), (), MARKUP)
    for segment in segments:
        assert not segment.text.startswith(("!!!", "???", "===", ":material", "--8<--", "*[", ":   ")), segment
        assert not segment.text.rstrip().endswith("}"), segment


def _round_trips(page: str, markup: Markup) -> None:
    parsed = _parse(page, markup)
    segments, skipped = segment_article(parsed, ("title",), markup)
    assert not skipped
    identity = merge_article(parsed, segments, {(None, s.text): s.text for s in segments}, "fr", markup)
    assert identity.text == page
    translated = merge_article(parsed, segments, {(None, s.text): "Tx " + s.text for s in segments}, "fr", markup)
    output = _parse(translated.text, markup)
    again, skipped = segment_article(output, ("title",), markup)
    assert not skipped
    assert [(s.kind, s.text) for s in again] == [(s.kind, "Tx " + s.text) for s in segments]
    assert gaps(output.text, again) == gaps(parsed.text, segments)


@given(mdx_page())
def test_mdx_round_trip(page: str) -> None:
    _round_trips(page, with_dialect(DEFAULT_MATH, DIALECTS["docusaurus"]))


@given(liquid_page())
def test_jekyll_and_hexo_round_trip(page: str) -> None:
    _round_trips(page, with_dialect(DEFAULT_MATH, DIALECTS["jekyll"]))
    _round_trips(page, with_dialect(DEFAULT_MATH, DIALECTS["hexo"]))
