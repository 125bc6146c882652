"""Segmentation per dialect: what is a text, what is markup, and that Hugo's rules stay Hugo's."""

from __future__ import annotations

from pathlib import Path

from translate_flow.document.article import parse_article
from translate_flow.document.dialects import DIALECTS
from translate_flow.document.hugo_markup import DEFAULT_MATH, find_markup, with_dialect
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article


def _texts(page: str, dialect: str) -> list[tuple[str, str]]:
    markup = with_dialect(DEFAULT_MATH, DIALECTS[dialect])
    # A page that starts with `{%` has no JSON front matter outside Hugo.
    article = parse_article(page.encode(), Path("p.md"), "p.md", "en", markup.dialect.front_matter)
    segments, skipped = segment_article(article, (), markup)
    assert not skipped
    identity = merge_article(article, segments, {(None, s.text): s.text for s in segments}, "fr", markup)
    assert identity.text == page
    return [(s.kind, s.text) for s in segments]


JEKYLL = """Hello {{ page.title }} and {% include note.html %} here.
{: .lead }

{% highlight ruby %}
def greet
  puts "not prose"
end
{% endhighlight %}

{% raw %}
Liquid {{ shown }} literally
{% endraw %}

## A heading {: #anchor }
"""


def test_jekyll_liquid_is_opaque_its_code_blocks_are_code_and_ials_are_protected() -> None:
    # A raw block's body is rendered as Markdown (only Liquid is off): a text like any other.
    assert _texts(JEKYLL, "jekyll") == [
        ("paragraph", "Hello {{ page.title }} and {% include note.html %} here."),
        ("raw", "Liquid {{ shown }} literally"),
        ("heading 2", "A heading"),
    ]


HEXO = """{% note info %}
Inner **Markdown** of a note.
{% endnote %}

{% codeblock lang:js %}
const prose = "never";
{% endcodeblock %}

A {% post_link hello %} in a sentence.
"""


def test_hexo_tag_plugins_are_opaque_and_their_inner_markdown_is_extracted() -> None:
    assert _texts(HEXO, "hexo") == [
        ("tag block", "Inner **Markdown** of a note."),
        ("paragraph", "A {% post_link hello %} in a sentence."),
    ]


def test_shortcodes_are_hugo_only() -> None:
    text = 'Call {{< figure caption="Hi" >}} here {.big}'
    assert [kind for kind, _, _ in find_markup(text, DEFAULT_MATH)] == ["shortcode", "attribute"]
    for name in ("mkdocs", "docusaurus", "commonmark"):
        kinds = [kind for kind, _, _ in find_markup(text, with_dialect(DEFAULT_MATH, DIALECTS[name]))]
        assert "shortcode" not in kinds, name


def test_admonition_bodies_are_code_to_hugo_and_prose_to_mkdocs() -> None:
    page = '!!! note "Title"\n\n    Body text.\n'
    assert _texts(page, "hugo") == [("paragraph", '!!! note "Title"')]
    assert _texts(page, "mkdocs") == [("admonition title", "Title"), ("admonition", "Body text.")]


def test_mdx_has_no_indented_code() -> None:
    page = '<Tabs>\n  <TabItem value="a" label="First">\n\n    Indented prose.\n\n  </TabItem>\n</Tabs>\n'
    assert _texts(page, "docusaurus") == [("html tabitem: label", "First"), ("paragraph", "Indented prose.")]
    assert ("paragraph", "Indented prose.") not in _texts(page, "hugo")


def test_a_line_below_an_admonition_body_is_a_paragraph_of_its_own() -> None:
    page = "!!! tip\n    !!! info\n        Deep.\n    Outer.\nTop.\n"
    assert _texts(page, "mkdocs") == [
        ("admonition default title", "Tip"),
        ("admonition default title", "Info"),
        ("admonition", "Deep."),
        ("admonition", "Outer."),
        ("paragraph", "Top."),
    ]


def test_an_untitled_admonition_shows_its_type_and_an_empty_title_shows_nothing() -> None:
    assert _texts("??? danger inline end\n    Body.\n", "mkdocs") == [
        ("admonition default title", "Danger"),
        ("admonition", "Body."),
    ]
    assert _texts('!!! danger ""\n    Body.\n', "mkdocs") == [("admonition", "Body.")]


def test_a_fence_hides_admonition_syntax() -> None:
    page = '```\n!!! note "Not a title"\n    not a body\n```\n'
    assert _texts(page, "mkdocs") == []


def test_an_expression_never_reaches_past_a_code_fence() -> None:
    page = "```js\nfunction f() {\n```\n\nProse after the fence }.\n\n```js\nimport x from 'y';\n```\nMore prose.\n"
    assert _texts(page, "docusaurus") == [("paragraph", "Prose after the fence }."), ("paragraph", "More prose.")]


def test_kramdown_comments_and_options_are_opaque() -> None:
    page = 'Text.\n\n{::comment}\nHidden words here.\n{:/comment}\n\nVisible {::options key="v" /} words.\n'
    assert _texts(page, "jekyll") == [("paragraph", "Text."), ("paragraph", 'Visible {::options key="v" /} words.')]


def test_a_fence_indented_inside_a_fence_does_not_close_it() -> None:
    # Material's documentation shows a tab's source, code fence included, in a code block.
    page = '```\n!!! example\n\n    === "Tab"\n\n        ```\n        code\n        ```\n```\n\n!!! example\n\n    === "Tab"\n\n        Body.\n'
    assert _texts(page, "mkdocs") == [
        ("admonition default title", "Example"),
        ("content tab title", "Tab"),
        ("content tab", "Body."),
    ]


def test_a_definition_body_holds_admonitions_and_tabs() -> None:
    page = (
        "Term\n:   Text of the\n    definition.\n\n"
        '    !!! note "Title"\n\n        Admonition body.\n\n'
        '    ===  "Tab"\n\n        Tab body.\n\n'
        "Other\n:   !!! abstract\n\n        Its body.\n\n    After it.\n"
    )
    texts = [text for _, text in _texts(page, "mkdocs")]
    assert texts == [
        "Term",
        "Text of the definition.",
        "Title",
        "Admonition body.",
        "Tab",
        "Tab body.",
        "Other",
        "Abstract",
        "Its body.",
        "After it.",
    ]


def test_a_comment_that_starts_a_line_of_text_is_left_out_of_it() -> None:
    # Material's documentation tags each option's definition so; Python-Markdown keeps the
    # comment in the paragraph, CommonMark would make its line an HTML block.
    page = "`enabled`\n:   <!-- md:default `true` --> Whether the plugin\n    runs.\n\n<!-- md:option x -->\n\nText.\n"
    assert _texts(page, "mkdocs") == [("definition", "Whether the plugin runs."), ("paragraph", "Text.")]
    # Inside a sentence it is inline HTML to CommonMark too, and stays in the text.
    assert _texts("Prior to <!-- md:version 6 -->, tabs\nwere grouped.\n", "mkdocs") == [
        ("paragraph", "Prior to <!-- md:version 6 -->, tabs were grouped.")
    ]


def test_an_icon_at_a_table_cell_start_is_left_out_of_it() -> None:
    page = "| Method | Description |\n| --- | --- |\n| `GET` | :material-check: Fetch resource |\n| `PUT` | :material-close: |\n"
    assert _texts(page, "mkdocs") == [
        ("table cell", "Method"),
        ("table cell", "Description"),
        ("table cell", "Fetch resource"),
    ]
