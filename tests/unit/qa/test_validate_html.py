"""qa.validate on texts of HTML blocks: the words may change, the tags, their attributes and
their nesting may not, and whatever it lets through keeps the rendered page's elements."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.html_strategies import html_article
from tests.plugin_engine import INJECTIONS
from tests.test_structure import _RENDER
from translate_flow.document.article import parse_article
from translate_flow.document.html_tokens import TRANSLATABLE_ATTRIBUTES
from translate_flow.document.hugo_markup import mask
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article
from translate_flow.qa.validate import problems

MSGID = 'Free, <b>open</b> <a href="/src" class="x">source</a>'


def _messages(msgstr: str, msgid: str = MSGID, kinds: tuple[str, ...] = ("html h1",)) -> list[str]:
    return [p.message for p in problems(msgid, msgstr, kinds)]


def test_words_may_change_and_tags_move_as_a_whole() -> None:
    assert _messages('Libre, <b>abierto</b> <a href="/src" class="x">código</a>') == []
    assert _messages('<a href="/src" class="x">Código</a> <b>abierto</b> y libre') == []
    # Tag names are compared as HTML reads them: case does not matter.
    assert _messages('Libre, <B>abierto</B> <A href="/src" class="x">código</A>') == []


@pytest.mark.parametrize(
    ("msgstr", "message"),
    [
        ('Libre, abierto <a href="/src" class="x">código</a>', "HTML tags differ from the source: missing </b>, <b>"),
        ('Libre, <b>abierto <a href="/src" class="x">código</a>', "HTML tags differ from the source: missing </b>"),
        (
            'Libre, <b>abierto</b> <i>y</i> <a href="/src" class="x">código</a>',
            "HTML tags differ from the source: unexpected </i>, <i>",
        ),
        (
            'Libre, <b>abierto</b> <a href="/es/src" class="x">código</a>',
            'HTML tags differ from the source: missing <a href="/src" class="x">; unexpected <a href="/es/src" class="x">',
        ),
        (
            'Libre, <b>abierto <a href="/src" class="x">código</a></b>',
            "HTML tags nest differently from the source",
        ),
        (
            'Libre, <b>abierto <a href="/src" class="x">código</b></a>',
            "HTML tags nest differently from the source",
        ),
        (
            'Libre, <b>abierto</b> <a href="/src" class="x">código</a><script>x()</script>',
            "HTML tags differ from the source: unexpected <script>x()</script>",
        ),
        (
            'Libre, <b>abierto</b> <a href="/src" class="x">código</a> <!-- -->',
            "HTML tags differ from the source: unexpected <!-- -->",
        ),
        (
            'Libre, <b>abierto</b> <a href="/src" class="x">código</a> {{< icon >}}',
            "shortcodes differ from the source: unexpected >}}, {{<, {{< icon >}}",
        ),
        (
            ' Libre, <b>abierto</b> <a href="/src" class="x">código</a>',
            "leading or trailing whitespace differs from the source",
        ),
    ],
)
def test_hostile_translations_are_held_back(msgstr: str, message: str) -> None:
    assert _messages(msgstr) == [message]


def test_code_and_translate_no_must_stay_as_they_are() -> None:
    msgid = 'Run <code>hugo server</code> on <span translate="no">Hugo</span>.'
    assert _messages('Ejecuta <code>hugo server</code> en <span translate="no">Hugo</span>.', msgid) == []
    assert _messages('Ejecuta <code>hugo servidor</code> en <span translate="no">Hugo</span>.', msgid) == [
        "HTML tags differ from the source: missing <code>hugo server</code>; unexpected <code>hugo servidor</code>"
    ]
    assert _messages('Ejecuta <code>hugo server</code> en <span translate="no">Hugó</span>.', msgid) == [
        (
            'HTML tags differ from the source: missing <span translate="no">Hugo</span>; '
            'unexpected <span translate="no">Hugó</span>'
        )
    ]


def test_a_translatable_attribute_is_translated_in_its_own_entry_not_in_the_text() -> None:
    msgid = 'Read the <abbr title="frequently asked questions">FAQ</abbr>.'
    assert _messages('Lee las <abbr title="preguntas frecuentes">FAQ</abbr>.', msgid) == [
        (
            'HTML tags differ from the source: missing <abbr title="frequently asked questions">; '
            'unexpected <abbr title="preguntas frecuentes">'
        )
    ]


def test_markdown_is_plain_text_in_an_html_block_but_not_in_a_paragraph() -> None:
    assert _messages("**Libre** y [abierto](/x) *", "**Free** and open") == []
    assert _messages("**Libre** y [abierto](/x) *", "**Free** and open", ("paragraph",)) != []
    # Shared by a paragraph and an HTML text, a msgid must suit both.
    assert _messages("<b>Libre</b>", "<b>Free</b>", ("html p", "paragraph")) == []
    assert _messages("**Libre**", "<b>Free</b>", ("html p", "paragraph")) != []


def test_stray_angle_brackets_and_ampersands_are_left_to_merge_to_escape() -> None:
    assert _messages("Libre & <abierto> < código", "Free and open source") == [
        "HTML tags differ from the source: unexpected <abierto>"
    ]
    assert _messages("Libre & abierto < código", "Free and open source") == []


def test_a_shortcode_in_an_html_text_may_change_in_its_prose_values_only() -> None:
    msgid = 'See {{< card title="Fast" icon="bolt" >}} here'
    assert _messages('Mira {{< card title="Rápido" icon="bolt" >}} aquí', msgid) == []
    assert _messages('Mira {{< card title="Fast" icon="rayo" >}} aquí', msgid) != []


def test_switched_off_checks_apply_to_html_texts() -> None:
    assert problems(MSGID, "Libre", ["html h1"], disabled={"html"}) == []


class _Elements(HTMLParser):
    """Every element of a page with its attributes, the translatable ones' values left out."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = sorted((n, "" if n in TRANSLATABLE_ATTRIBUTES else v or "") for n, v in attrs)
        self.found.append(f"<{tag} {kept}>")

    def handle_endtag(self, tag: str) -> None:
        self.found.append(f"</{tag}>")

    def handle_comment(self, data: str) -> None:
        self.found.append("<!---->")


def _elements(text: str) -> list[str]:
    reader = _Elements()
    reader.feed(_RENDER.render(mask(text)))
    reader.close()
    delimiters = [f"{d}×{text.count(d)}" for d in ("{{<", ">}}", "{{%", "%}}")]
    return delimiters + [e for e in reader.found if e not in ("<br []>", "</br>")]


HTML_INJECTIONS = (
    *INJECTIONS,
    "{} </div>",
    "</p><p>{}",
    "<b>{}",
    "{}</b>",
    "<script>{}</script>",
    "{} <!--",
    "{} -->",
    "{} < and &",
    "<a href=/x>{}</a>",
    '{} <img src=x alt="y">',
    "{}\n\n<div>",
    "{} &bogus; &#",
)


@given(html_article(), st.lists(st.sampled_from(HTML_INJECTIONS), min_size=1, max_size=20))
def test_published_translations_keep_every_element(text: str, picks: list[str]) -> None:
    page = parse_article(text.encode(), Path("a.md"), "a.md", "en")
    segments, _ = segment_article(page, ())
    kinds: dict[str, set[str]] = {}
    for segment in segments:
        kinds.setdefault(segment.text, set()).add(segment.kind)
    translations = {}
    for index, (msgid, used_as) in enumerate(kinds.items()):
        # The words kept as they are: upper-cased, the attributes in the tags would change too.
        draft = picks[index % len(picks)].replace("{}", msgid)
        if not problems(msgid, draft, used_as):
            translations[(None, msgid)] = draft
    merged = merge_article(page, segments, translations, "es").text
    assert _elements(merged) == _elements(text)
