"""Hugo markup that CommonMark does not know: masked before parsing, never translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config.load import load_config
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, mask, math_delimiters
from translate_flow.document.markdown import body_segments

INLINE_DOLLAR = Markup(block=(("$$", "$$"), ("\\[", "\\]")), inline=(("\\(", "\\)"), ("$", "$")))


def _texts(body: str, math: Markup = DEFAULT_MATH) -> list[tuple[str, str]]:
    segments, skipped = body_segments(body, 0, math)
    assert not skipped
    return [(s.kind, s.text) for s in segments]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A call over several lines is one opaque unit: its `>}}` line is no blockquote.
        ('{{< feature-card\n  title="Fast"\n  icon="bolt"\n>}}\n\nAfter.\n', [("paragraph", "After.")]),
        ('- Item\n  {{< card\n    link="x"\n  >}}\n', [("list item", "Item")]),
        # Prose on a line that starts with a shortcode is extracted, shortcodes kept inline.
        (
            '{{< tab name="JSON" >}}**JSON**: a notation.{{< /tab >}}\n',
            [("paragraph", '{{< tab name="JSON" >}}**JSON**: a notation.{{< /tab >}}')],
        ),
        ("{{% details %}}\n**Bold** inside.\n{{% /details %}}\n", [("paragraph", "**Bold** inside.")]),
        # One tab a line: one text each, as on the page.
        (
            '{{< tab name="A" >}}First tab.{{< /tab >}}\n{{< tab name="B" >}}Second tab.{{< /tab >}}\n',
            [
                ("paragraph", '{{< tab name="A" >}}First tab.{{< /tab >}}'),
                ("paragraph", '{{< tab name="B" >}}Second tab.{{< /tab >}}'),
            ],
        ),
        # Goldmark attributes: after a heading, or alone on a line after a block.
        ("## Install {#setup .wide}\n", [("heading 2", "Install")]),
        ('1. One\n2. Two\n{class="no-step-marker"}\n', [("list item", "One"), ("list item", "Two")]),
        ("Text.\n\n{.lead}\n", [("paragraph", "Text.")]),
        # Display maths is never a text, alone or beside prose.
        ("$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n", []),
        ("The sum:\n$$x + y$$\n", [("paragraph", "The sum:")]),
        # The code of a highlight pair stays out, as before.
        ("{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n", []),
        # A brace that is no attribute stays in the text.
        ("Use {braces} freely.\n", [("paragraph", "Use {braces} freely.")]),
    ],
)
def test_segments_see_what_hugo_sees(body: str, expected: list[tuple[str, str]]) -> None:
    assert _texts(body) == expected


def test_inline_maths_only_where_the_site_enables_it() -> None:
    body = "Costs $5 or $6 today.\n\nArea \\(\\pi r^2\\) here.\n\n\\[\nE = mc^2\n\\]\n"
    assert _texts(body) == [
        ("paragraph", "Costs $5 or $6 today."),
        ("paragraph", "Area \\(\\pi r^2\\) here."),
        ("paragraph", "\\[ E = mc^2 \\]"),
    ]
    site = _texts(body, INLINE_DOLLAR)
    assert site[1] == ("paragraph", "Area \\(\\pi r^2\\) here.")
    assert ("paragraph", "\\[ E = mc^2 \\]") not in site


def test_mask_keeps_every_offset_and_line_break() -> None:
    text = '{{< a\r\n  b="c"\r\n>}} x $$y$$ {#id}\n'
    masked = mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(masked) if c in "\r\n"]
    assert "x" in masked and "{{" not in masked and "$$" not in masked and "#id" not in masked


def test_footnote_translated_on_two_lines_stays_one_footnote() -> None:
    (segment,) = [s for s in body_segments("Text.[^1]\n\n[^1]: The note.\n", 0)[0] if s.kind == "footnote"]
    assert segment.prefix.strip() == "" and len(segment.prefix) >= 4


def test_math_delimiters_from_the_hugo_setting() -> None:
    setting = {"enable": True, "delimiters": {"block": [["\\[", "\\]"], ["$$", "$$"]], "inline": [["$", "$"]]}}
    assert math_delimiters(setting) == Markup((("\\[", "\\]"), ("$$", "$$")), (("$", "$"),))
    assert math_delimiters({"enable": False, "delimiters": setting["delimiters"]}) == Markup()
    assert math_delimiters(None) == Markup()


def test_site_passthrough_setting_reaches_the_config(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "hugo.yaml": "markup:\n  goldmark:\n    extensions:\n      passthrough:\n        enable: true\n"
            "        delimiters:\n          block: [['\\[', '\\]']]\n          inline: [['$', '$']]\n",
            "content/a.md": "Hi.\n",
        },
    )
    assert load_config(tmp_path).math == Markup((("\\[", "\\]"),), (("$", "$"),))


@pytest.mark.parametrize(
    "body",
    ["A [link](<foo\nbar>) here.\n", 'A [link](/u "a\ntitle") here.\n', 'Some <span\nclass="x">text</span> here.\n'],
)
def test_a_line_break_inside_inline_markup_is_left_alone(body: str) -> None:
    # Joined into one line, the text would become a link, or change a title or a tag.
    segments, skipped = body_segments(body, 0)
    assert segments == [] and [s.reason for s in skipped] == ["paragraph: a line break inside a link or HTML tag"]


def test_ordinary_soft_breaks_around_markup_still_join() -> None:
    assert _texts("A [link](/u) over\ntwo lines.\n") == [("paragraph", "A [link](/u) over two lines.")]
