"""document.html_tokens and document.html_text: an HTML fragment's texts and translatable
attribute values, each with the exact span it came from."""

from __future__ import annotations

import itertools

from hypothesis import given

from tests.html_strategies import html_block
from translate_flow.document.html_text import html_texts, join_lines
from translate_flow.document.html_tokens import attribute_spans, tokens
from translate_flow.document.hugo_markup import Markup, mask


def _found(source: str, math: Markup | None = None) -> list[tuple[str, str]]:
    """(kind, msgid) of each text; every msgid must be its span with line breaks joined."""
    masked = mask(source, math) if math else mask(source)
    found, unplaced = html_texts(masked, source)
    assert unplaced == []
    for item in found:
        assert item.text == join_lines(source[item.start : item.end])
    return [(item.kind, item.text) for item in found]


def test_tokens_cover_the_fragment_exactly() -> None:
    source = (
        '<div class="hero"><h1>Free, <b>open</b> source</h1>\n<a href=x>Learn &amp; more</a><!-- c --><br/></div><b'
    )
    found = tokens(source)
    assert "".join(source[t.start : t.end] for t in found) == source
    assert [(t.kind, t.name) for t in found][:4] == [("start", "div"), ("start", "h1"), ("text", ""), ("start", "b")]
    assert [source[t.start : t.end] for t in found if t.kind == "ref"] == ["&amp;"]
    assert [source[t.start : t.end] for t in found if t.kind in ("comment", "empty")] == ["<!-- c -->", "<br/>"]


def test_where_the_tokenizer_gives_up_the_rest_is_text() -> None:
    # Python 3.11's declaration scanner raises on `<![<`; nothing after it is extracted.
    source = "<p>Before</p><![<p>After</p>"
    assert [(t.kind, source[t.start : t.end]) for t in tokens(source)][-1][0] == "text"
    assert "".join(source[t.start : t.end] for t in tokens(source)) == source
    assert _found(source) == [("html p", "Before")]


@given(html_block())
def test_tokens_cover_any_block(lines: list[str]) -> None:
    source = "\n".join(lines)
    found = tokens(source)
    assert "".join(source[t.start : t.end] for t in found) == source
    assert all(a.end == b.start for a, b in itertools.pairwise(found))


def test_attribute_spans_point_inside_the_quotes() -> None:
    tag = """<img src=/a.png alt="A cat" title='It&#39;s' hidden>"""
    attrs = tokens(tag)[0].attrs
    spans = attribute_spans(tag, attrs)
    assert spans is not None
    assert [(name, tag[start:end]) for name, start, end in spans] == [
        ("src", "/a.png"),
        ("alt", "A cat"),
        ("title", "It&#39;s"),
        ("hidden", ""),
    ]
    # Where the tokenizer and HTML5 disagree (`alt==x`: "x" or "=x"?), nothing is located.
    assert attribute_spans("<img alt==x>", tokens("<img alt==x>")[0].attrs) is None


def test_the_hero_gives_its_texts_with_inline_tags_kept() -> None:
    source = (
        '<div class="hero"><h1>Free, <b>open</b> source</h1><a href="/docs" title="Read the guide">Learn more</a></div>'
    )
    masked = mask(source)
    found, _ = html_texts(masked, source)
    assert [(f.kind, f.text, source[f.start : f.end]) for f in found] == [
        ("html h1", "Free, <b>open</b> source", "Free, <b>open</b> source"),
        ("html a: title", "Read the guide", "Read the guide"),
        ("html div", "Learn more", "Learn more"),
    ]


def test_framing_tags_stay_out_only_while_the_rest_is_balanced() -> None:
    assert _found('<p><a href="/x"><span>Learn more</span></a></p>') == [("html p", "Learn more")]
    assert _found("<p><b>Bold</b> start and <i>end</i></p>") == [("html p", "<b>Bold</b> start and <i>end</i>")]
    assert _found('<li><img src="/r.svg"> Fast builds<br></li>') == [("html li", "Fast builds")]
    # Unclosed in the source: kept as written rather than guessed.
    assert _found("<p>Hi <b>there") == [("html p", "Hi <b>there")]


def test_block_elements_split_texts_and_name_them() -> None:
    source = "<div>Intro <p>First</p> outro<ul><li>One</li><li><em>Two</em> items</li></ul><span>Loose</span></div>"
    assert _found(source) == [
        ("html div", "Intro"),
        ("html p", "First"),
        ("html div", "outro"),
        ("html li", "One"),
        ("html li", "<em>Two</em> items"),
        ("html div", "Loose"),
    ]
    assert _found("<span>No block at all</span>") == [("html text", "No block at all")]


def test_links_side_by_side_are_texts_of_their_own() -> None:
    assert _found("<div><a href=/a>Learn more</a>\n<a href=/b>Get the code</a></div>") == [
        ("html div", "Learn more"),
        ("html div", "Get the code"),
    ]
    assert _found("<nav><a>Docs</a> | <a>Blog</a> &middot; <a>Forum</a></nav>") == [
        ("html nav", "Docs"),
        ("html nav", "Blog"),
        ("html nav", "Forum"),
    ]
    # Words between the links, or emphasis instead of links: one sentence.
    assert _found("<p>See <a>A</a> and <a>B</a></p>") == [("html p", "See <a>A</a> and <a>B</a>")]
    assert _found("<p><b>Free</b> <i>software</i></p>") == [("html p", "<b>Free</b> <i>software</i>")]


def test_translatable_attributes_are_entries_of_their_own() -> None:
    source = (
        "<form><img src=/logo.png alt=Logo title='The &amp; logo'>"
        '<input type="search" placeholder="Search the docs" aria-label="Search" value="Go">'
        '<img alt="" src=x><img alt="42"><img translate="no" alt="Brand name"></form>'
    )
    assert _found(source) == [
        ("html img: alt", "Logo"),
        ("html img: title", "The &amp; logo"),
        ("html input: placeholder", "Search the docs"),
        ("html input: aria-label", "Search"),
    ]


def test_what_is_never_text() -> None:
    source = (
        '<div><script>let s = "words here";</script><style>p { content: "words" }</style>'
        "<pre>Output\nstays</pre><textarea placeholder='Your message'>Default words</textarea>"
        '<svg aria-label="Logo"><text>Graphic words</text></svg><math><mi>x</mi></math>'
        '<section translate="no"><p>Never <b>this</b></p><img alt="Nor this"></section>'
        "<p><code>npm install</code></p><p>Shown</p></div>"
    )
    assert _found(source) == [
        ("html textarea: placeholder", "Your message"),
        ("html svg: aria-label", "Logo"),
        ("html p", "Shown"),
    ]


def test_code_and_translate_no_stay_whole_inside_a_sentence() -> None:
    source = '<p>Run <code>hugo server</code> with <span translate="no">Hugo <b>Pro</b></span> now.</p>'
    assert _found(source) == [
        ("html p", 'Run <code>hugo server</code> with <span translate="no">Hugo <b>Pro</b></span> now.')
    ]


def test_an_inline_element_left_open_ends_at_the_block() -> None:
    assert _found("<p>Run <code>make<p>Then rest</p>") == [("html p", "Run <code>make"), ("html p", "Then rest")]


def test_references_stay_as_written_and_line_breaks_join() -> None:
    assert _found("<p>Tom &amp; Jerry&nbsp;say it&#8217;s\n    fine</p>") == [
        ("html p", "Tom &amp; Jerry&nbsp;say it&#8217;s fine")
    ]
    assert _found("<p>中文\n  测试</p>") == [("html p", "中文测试")]


def test_hugo_markup_stays_markup() -> None:
    math = Markup(block=(("$$", "$$"),), inline=((r"\(", r"\)"),))
    source = (
        '<p>{{< icon "x" >}}</p><p>Click {{< icon "x" >}} here</p><p>$$x<y$$ Sum</p>'
        r'<p>\(a<b\) holds</p><a href="{{< ref "a<b" >}}" title="Go there">Docs</a>'
    )
    assert _found(source, math) == [
        ("html p", 'Click {{< icon "x" >}} here'),
        ("html p", "Sum"),
        ("html p", "holds"),
        ("html a: title", "Go there"),
        ("html text", "Docs"),
    ]


def test_a_tag_the_tokenizer_did_not_finish_ends_the_texts() -> None:
    # A browser reads `<div id="foo" …` as a tag to the end; html.parser hands it back as text.
    assert _found('<div id="foo"\n*hi*') == []
    assert _found("<p>Hi</p><b") == [("html p", "Hi")]
    # In a script, `<b` is raw text to a browser too.
    assert _found("<div><script>if (a<b) go()</script><p>After</p></div>") == [("html p", "After")]


def test_an_attribute_that_cannot_be_located_is_reported() -> None:
    found, unplaced = html_texts("<p><img alt==x title=T> Hi</p>", "<p><img alt==x title=T> Hi</p>")
    assert [f.text for f in found] == ["Hi"]
    assert unplaced == [(3, "html img: an attribute could not be located")]


@given(html_block())
def test_every_text_is_its_own_span(lines: list[str]) -> None:
    source = "\n".join(lines)
    found, _ = html_texts(mask(source), source)
    spans = [(f.start, f.end) for f in found]
    for item in found:
        piece = source[item.start : item.end]
        assert piece == piece.strip() and item.text == join_lines(piece)
    # Texts never overlap, except an attribute inside a text's inline tag.
    texts = [s for s, f in zip(spans, found, strict=True) if ": " not in f.kind]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(texts))
