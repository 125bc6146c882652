"""HTML-block texts in articles: their spans, and translations spliced back into them.

Identity rebuilds any article with HTML blocks byte for byte; a translation changes its
span and nothing else, written as valid HTML whatever the translator typed.
"""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from tests.conftest import gaps
from tests.html_strategies import html_article
from translate_flow.document.article import Article, parse_article
from translate_flow.document.html_splice import escape_text, render_html
from translate_flow.document.html_tokens import is_html_kind
from translate_flow.document.markdown import body_segments
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article


def _parse(text: str) -> Article:
    return parse_article(text.encode(), Path("a.md"), "content/a.md", "en")


def _merged(text: str, translations: dict[str, str]) -> str:
    article = _parse(text)
    segments, _ = segment_article(article, ())
    return merge_article(article, segments, {(None, k): v for k, v in translations.items()}, "es").text


@given(html_article(), st.data())
def test_identity_of_any_texts_rebuilds_the_article_byte_for_byte(text: str, data: st.DataObject) -> None:
    article = _parse(text)
    segments, skipped = segment_article(article, ())
    assert skipped == []
    texts = sorted({s.text for s in segments})
    chosen = data.draw(st.sets(st.sampled_from(texts)) if texts else st.just(set[str]()))
    result = merge_article(article, segments, {(None, t): t for t in chosen}, "es")
    assert result.text == text


@given(html_article(), st.booleans())
def test_a_translation_changes_its_span_and_nothing_else(text: str, attributes: bool) -> None:
    # Texts, or attribute values: both at once would put attribute translations into texts.
    article = _parse(text)
    segments, _ = segment_article(article, ())
    chosen = [s for s in segments if (": " in s.kind) == attributes or not is_html_kind(s.kind)]
    # One msgid is one entry: an attribute with a text's msgid would get its translation too.
    assume(not {s.text for s in chosen} & {s.text for s in segments if s not in chosen})
    merged = merge_article(article, chosen, {(None, s.text): "Tx " + s.text for s in chosen}, "es").text
    again, skipped = segment_article(_parse(merged), ())
    assert skipped == []
    again = [s for s in again if (": " in s.kind) == attributes or not is_html_kind(s.kind)]
    assert [s.kind for s in again] == [s.kind for s in chosen]
    # Written as HTML: what a translator typed as text may come back escaped, never changed.
    assert [html.unescape(s.text) for s in again] == [html.unescape("Tx " + s.text) for s in chosen]
    # Between the spans nothing changes, but an unquoted value with a blank now gets quotes.
    for after, before in zip(gaps(merged, again), gaps(text, chosen), strict=True):
        if after != before:
            opens = after.endswith('"') and not before.endswith('"')
            closes = after.startswith('"') and not before.startswith('"')
            assert after[int(closes) : len(after) - int(opens)] == before


def test_a_text_over_several_lines_in_a_blockquote_is_written_on_one_line() -> None:
    text = '> <p class="tip">The documentation\n> is on the website.</p>\n\nAfter.\n'
    segments, _ = body_segments(text, 0)
    assert next((s.kind, s.text, s.location.line, s.one_line) for s in segments) == (
        "html p",
        "The documentation is on the website.",
        1,
        True,
    )
    merged = _merged(text, {"The documentation is on the website.": "La documentación\n\nestá en el sitio."})
    assert merged == '> <p class="tip">La documentación está en el sitio.</p>\n\nAfter.\n'


def test_stray_angle_brackets_and_misreadable_ampersands_are_escaped() -> None:
    masked = "x" * 100
    assert escape_text("a < b", masked) == "a &lt; b"
    # Complete references and plain ampersands are HTML already.
    assert escape_text("Tom &amp; Jerry&nbsp;&#8217;&#x2019; R&D a & b", masked) == (
        "Tom &amp; Jerry&nbsp;&#8217;&#x2019; R&D a & b"
    )
    # An unknown `&name;`, a `&#` with no number, an old reference without its `;`: escaped.
    assert escape_text("&bogus; &#; &#x; &copy 2024 Q&notes", masked) == (
        "&amp;bogus; &amp;#; &amp;#x; &amp;copy 2024 Q&amp;notes"
    )
    assert escape_text('say "hi"', masked, '"') == "say &quot;hi&quot;"
    assert escape_text("it's", masked, "'") == "it&#39;s"


def test_a_translation_keeps_markup_and_shortcodes_and_escapes_text() -> None:
    msgid = 'Run <code>a &lt; b</code> or {{< icon "a<b" >}} now'
    merged = _merged(f"<p>{msgid}</p>\n", {msgid: 'Ejecuta <code>a &lt; b</code> o {{< icon "a<b" >}} si 1 < 2'})
    assert merged == '<p>Ejecuta <code>a &lt; b</code> o {{< icon "a<b" >}} si 1 &lt; 2</p>\n'


def test_attribute_values_keep_their_quotes_or_gain_them() -> None:
    source = "<img alt=Logo title='Tom &amp; Jerry' src=x>\n<img alt=\"A cat\">\n"
    translations = {"Logo": "El logo", "Tom &amp; Jerry": "Tom y 'Jerry'", "A cat": 'Un "gato"'}
    assert _merged(source, translations) == (
        '<img alt="El logo" title=\'Tom y &#39;Jerry&#39;\' src=x>\n<img alt="Un &quot;gato&quot;">\n'
    )
    assert (
        _merged(source, {"Logo": "Logotipo"})
        == "<img alt=Logotipo title='Tom &amp; Jerry' src=x>\n<img alt=\"A cat\">\n"
    )


def test_an_attribute_inside_a_translated_text_takes_its_own_entry() -> None:
    source = '<p>Read the <abbr title="frequently asked questions">FAQ</abbr> first.</p>\n'
    text = 'Read the <abbr title="frequently asked questions">FAQ</abbr> first.'
    both = {text: 'Lee primero las <abbr title="frequently asked questions">FAQ</abbr>.'}
    both["frequently asked questions"] = "preguntas frecuentes"
    assert _merged(source, both) == '<p>Lee primero las <abbr title="preguntas frecuentes">FAQ</abbr>.</p>\n'
    # Either alone is written too: the text with the source's title, or the title in the source's text.
    assert _merged(source, {text: both[text]}) == f"<p>{both[text]}</p>\n"
    assert _merged(source, {"frequently asked questions": "preguntas frecuentes"}) == source.replace(
        "frequently asked questions", "preguntas frecuentes"
    )


def test_render_leaves_code_and_translate_no_alone() -> None:
    translation = (
        'Usa <code>a & b < c</code> y <span translate="no">R&D <b>x</b></span> & <img translate="no" alt="x"> <'
    )
    rendered = render_html("", 0, "html p", translation, {(None, "x"): "equis"})
    assert (
        rendered
        == 'Usa <code>a & b < c</code> y <span translate="no">R&D <b>x</b></span> & <img translate="no" alt="x"> &lt;'
    )
