"""document.splice: translations spliced into the source text, every other byte kept."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.markdown_strategies import article
from translate_flow.document.article import Article, parse_article
from translate_flow.document.segment import Location, Segment
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article, render_segment

KEYS = ("title", "summary")


def _parse(text: str | bytes) -> Article:
    data = text.encode() if isinstance(text, str) else text
    return parse_article(data, Path("a.md"), "content/a.md", "en")


@given(article(), st.data())
def test_an_identity_translation_of_any_texts_is_byte_exact(case: tuple[bytes, bytes], data: st.DataObject) -> None:
    source, expected = case
    parsed = _parse(source)
    segments, _ = segment_article(parsed, KEYS)
    texts = sorted({s.text for s in segments})
    chosen = data.draw(st.sets(st.sampled_from(texts)) if texts else st.just(set[str]()))
    result = merge_article(parsed, segments, {(None, t): t for t in chosen}, "fr")
    # Translated or not, each text stays as written; only `lang` becomes the target.
    assert parsed.encode(result.text) == expected
    assert result.held == ()


def _segment(text: str, kind: str = "paragraph", prefix: str = "", hard_break: str = "\\") -> Segment:
    return Segment(text, kind, Location(0, len(text), 1), prefix=prefix, hard_break=hard_break)


def test_render_segment_keeps_a_translation_in_its_place() -> None:
    article = _parse("x\n")
    quoted = _segment("a", "blockquote", prefix="> ", hard_break="  ")
    assert render_segment(article, quoted, "Une\nDeux", "\r\n") == "Une  \r\n> Deux"
    assert render_segment(article, _segment("a", "list item", prefix="  "), "Un\nDeux", "\n") == "Un\\\n  Deux"
    one_line = Segment("a", "heading 2", Location(0, 1, 1), one_line=True)
    assert render_segment(article, one_line, " Un \n\n deux ", "\n") == "Un deux"
    cell = Segment("a", "table cell", Location(0, 1, 1), one_line=True)
    assert render_segment(article, cell, "a | b \\| c", "\n") == "a \\| b \\| c"


def test_merge_article_changes_the_texts_and_the_language_only() -> None:
    source = "---\ntitle: Hello\nlang: en\n---\n\n> Quoted text\n> on two lines.\n\n- item `code`\n"
    parsed = _parse(source)
    segments, _ = segment_article(parsed, KEYS)
    translations = {
        (None, "Hello"): "Bonjour : le monde # pas un commentaire",
        (None, "Quoted text on two lines."): "Texte cité\nsur deux lignes.",
    }
    result = merge_article(parsed, segments, translations, "fr")
    assert result.text == (
        '---\ntitle: "Bonjour : le monde # pas un commentaire"\nlang: fr\n---\n\n'
        "> Texte cité\\\n> sur deux lignes.\n\n- item `code`\n"
    )
    # The front-matter value reads back as exactly its translation.
    assert yaml.safe_load(result.text.split("---")[1])["title"] == "Bonjour : le monde # pas un commentaire"
    assert result.held == ()


def test_an_empty_lang_is_left_alone() -> None:
    parsed = _parse('---\ntitle: Hello\nlang: ""\n---\n\nText.\n')
    segments, _ = segment_article(parsed, KEYS)
    assert merge_article(parsed, segments, {}, "fr").text == parsed.text
