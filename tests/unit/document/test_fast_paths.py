"""The shortcuts on the segmentation hot path give exactly what the plain forms give.

Each reference below is the straightforward form the shortcut replaced, kept here only to
hold the shortcut to it on generated texts.
"""

from __future__ import annotations

from collections import Counter

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_flow.document import hugo_markup
from translate_flow.document.frontmatter.yaml_fm import _plain_ok
from translate_flow.document.hugo_markup import _filled
from translate_flow.document.inline_skeleton import inline_skeleton
from translate_flow.document.segment import (
    _CODE_RE,
    _FOOTNOTE_REF_RE,
    _LINK_DEST_RE,
    _SHORTCODE_RE,
    _TAG_RE,
    _URL_RE,
    is_translatable,
)
from translate_flow.textutil import LineTable, has_words

# Line ends of every kind, the characters the set-aside patterns look for, letters and
# characters Python alone calls line breaks.
PIECES = st.sampled_from([*"ab é\n\r\t`{}<>[]()^:/%", "\u2028", "\x0b", "://", "{{<", ">}}", "`x`", "](u)"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@given(TEXTS)
@settings(max_examples=500)
def test_line_table_is_the_line_ends_scan(text: str) -> None:
    assert LineTable.of(text) == LineTable.scanned(text)


@given(TEXTS)
@settings(max_examples=500)
def test_every_line_s_content_is_each_line_s_content(text: str) -> None:
    lines = LineTable.of(text)
    assert lines.contents(text) == [lines.content(text, i) for i in range(len(lines.starts))]


def _translatable(text: str) -> bool:
    for pattern in (_CODE_RE, _SHORTCODE_RE, _TAG_RE, _LINK_DEST_RE, _FOOTNOTE_REF_RE, _URL_RE):
        text = pattern.sub(" ", text)
    return has_words(text)


@given(TEXTS)
@settings(max_examples=500)
def test_is_translatable_is_every_pattern_set_aside(text: str) -> None:
    assert is_translatable(text) == _translatable(text)


def _filled_by_list(text: str, spans: list[tuple[int, int]]) -> str:
    plain = list(text)
    for start, end in spans:
        plain[start:end] = hugo_markup._FILLER * (end - start)
    return "".join(plain)


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet="ab\n", max_size=30))
    bounds = st.integers(0, len(text))
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=5))
    return text, [(min(a, b), max(a, b)) for a, b in pairs]


@given(_text_and_spans())
@settings(max_examples=500)
def test_filled_spans_are_the_spans_overwritten_one_by_one(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    assert _filled(text, spans) == _filled_by_list(text, spans)


@given(st.lists(st.sampled_from(["Wow", "no", " ", "!", "?", ".", "!!", "\n", "é"]), max_size=30).map("".join))
@settings(max_examples=300)
def test_an_exclamation_mark_alone_is_no_markup(text: str) -> None:
    # Skipping the parse for texts whose only mark is `!` is right only if the parser agrees:
    # with a code span added, the parse runs, and finds the code span and nothing else.
    assert inline_skeleton(text + " `c`") == {"code": Counter({"`c`": 1})}
    assert inline_skeleton(text) == {}


def _plain_ok_by_pyyaml(value: str, in_flow: bool) -> bool:
    if not value or value != value.strip() or "\n" in value or "\r" in value:
        return False
    if in_flow and set(",[]{}") & set(value):
        return False
    try:
        node = yaml.compose("k: " + value, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    scalar = node.value[0][1]
    return isinstance(scalar, yaml.ScalarNode) and scalar.tag == "tag:yaml.org,2002:str" and scalar.value == value


# YAML's indicators, what YAML 1.1 reads as other types, tabs, and characters both parsers
# treat specially (NEL, line and paragraph separators, BOM, a control character).
YAML_PIECES = st.sampled_from(
    [*"aZ9 :#-?!&*|>'\"%@`,[]{}~.\t\\=+_/é中", "\x85", "\u2028", "\ufeff", "\x07", "😀"]
    + ["yes", "no", "null", "1e3", "0x1F", "2024-01-01", ": ", "- ", " #", "<<"]
)


@given(st.lists(YAML_PIECES, max_size=8).map("".join), st.booleans())
@settings(max_examples=3000)
def test_plain_style_is_judged_as_pure_pyyaml_judges_it(value: str, in_flow: bool) -> None:
    assert _plain_ok(value, in_flow) == _plain_ok_by_pyyaml(value, in_flow)
