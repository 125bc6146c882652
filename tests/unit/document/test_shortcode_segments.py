"""document.shortcode_segments and shortcode_params: shortcode values as entries, spliced back re-quoted.

The properties write articles full of calls (both forms, one line or several, named and
positional parameters, every quoting, escapes) and check that an identity translation
rebuilds them byte for byte, and that any translation the validator passes is read back
from the merged page as exactly that translation, with every other byte unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import gaps
from translate_flow.catalog.entry_keys import Key
from translate_flow.document.article import Article, parse_article
from translate_flow.document.segment import is_translatable
from translate_flow.document.segmenter import segment_article
from translate_flow.document.shortcode_calls import write_value
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.document.shortcode_segments import loosened, respell, shortcode_segments
from translate_flow.document.splice import merge_article
from translate_flow.qa.validate import problems

KEYS = ("title",)


def _parse(text: str) -> Article:
    return parse_article(text.encode(), Path("a.md"), "content/a.md", "en")


def _values(text: str, params: ShortcodeParams = BUILT_IN) -> list[tuple[str, str, int]]:
    segments, _ = segment_article(_parse(text), KEYS, shortcodes=params)
    return [(s.kind, s.text, s.location.line) for s in segments]


def test_values_are_entries_with_their_line_after_the_front_matter() -> None:
    text = '---\ntitle: "A {{< card title=\\"Not here\\" >}}"\n---\n\nIntro.\n\n{{< card\n  title="Fast"\n>}}\n'
    assert _values(text) == [
        ("front matter: title", 'A {{< card title="Not here" >}}', 2),
        ("paragraph", "Intro.", 5),
        ("shortcode card: title", "Fast", 8),
    ]


def test_the_project_s_table_extends_and_overrides_the_defaults() -> None:
    text = '{{< note title="Careful" >}}\n\n{{< card title="Fast" subtitle="Small" >}}\n\n{{< figure alt="A cat" >}}\n'
    own = BUILT_IN.overridden({"note": ["title"], "card": ["subtitle"], "figure": []})
    assert [(kind, value) for kind, value, _ in _values(text, own)] == [
        ("shortcode note: title", "Careful"),
        ("shortcode card: subtitle", "Small"),
    ]
    assert own.keys("figure") == () and own.keys("details") == BUILT_IN.keys("details")
    assert ShortcodeParams().keys("card") == ()


def test_positions_are_numbers_and_names_are_strings() -> None:
    own = BUILT_IN.overridden({"step": [1]})
    text = '{{< step "one" "Second step" >}}\n'
    assert _values(text, own) == [("shortcode step: 1", "Second step", 1)]
    assert _values('{{< step one="x" >}}\n', BUILT_IN.overridden({"step": ["1"]})) == []


def test_a_call_touching_a_text_stays_in_it() -> None:
    body = 'Text {{< card title="In" >}}\n\n{{< card title="Out" >}}\n'
    segments = shortcode_segments(body, 0, [], BUILT_IN)
    assert [s.text for s in segments] == ["In", "Out"]
    paragraph = segment_article(_parse(body), KEYS)[0][0]
    assert [s.text for s in shortcode_segments(body, 0, [paragraph], BUILT_IN)] == ["Out"]


def test_a_raw_value_over_crlf_lines_is_not_an_entry() -> None:
    text = '{{< figure caption=`First\r\nsecond` >}}\r\n\r\n{{< figure caption="One line" >}}\r\n'
    assert _values(text) == [("shortcode figure: caption", "One line", 4)]


def test_respell_keeps_the_quoting_where_it_holds_the_text() -> None:
    assert respell('"Fast"', "Rápido") == '"Rápido"'
    assert respell("`Fast`", 'Di "sí"') == '`Di "sí"`'
    assert respell('"Fast"', 'Di "sí"') == '"Di \\"sí\\""'
    assert respell("Fast", "Muy rápido") == '"Muy rápido"'
    assert respell("Fast", "Rápido") == "Rápido"
    assert respell('"Fast"', "a >}} b") is None


def test_merge_writes_each_value_in_its_place() -> None:
    source = (
        '{{< card title="Fast" subtitle=`One "binary"` icon=bolt >}}\n\n'
        "{{% details summary=More %}}\nInside.\n{{% /details %}}\n\n{{< tab Windows >}}\n"
    )
    article = _parse(source)
    segments, _ = segment_article(article, KEYS)
    translations: dict[Key, str] = {
        (None, "Fast"): 'Rápido "y" ligero',
        (None, 'One "binary"'): "Un `binario`",
        (None, "More"): "Más",
        (None, "Windows"): "Ventanas de Windows",
    }
    result = merge_article(article, segments, translations, "es")
    assert result.text == (
        '{{< card title="Rápido \\"y\\" ligero" subtitle="Un `binario`" icon=bolt >}}\n\n'
        '{{% details summary=Más %}}\nInside.\n{{% /details %}}\n\n{{< tab "Ventanas de Windows" >}}\n'
    )
    assert result.held == ()


def test_a_value_no_quoting_holds_is_held_and_keeps_its_source() -> None:
    article = _parse('{{< card title="Fast" >}}\n')
    segments, _ = segment_article(article, KEYS)
    result = merge_article(article, segments, {(None, "Fast"): 'a`"\\'}, "es")
    assert result.text == article.text
    assert result.held == ("Fast",)


def test_loosened_blanks_only_translatable_values() -> None:
    assert loosened('{{< card title="Fast" icon=bolt >}}', BUILT_IN) == "{{< card title=… icon=bolt >}}"
    assert loosened('{{< note title="Fast" >}}', BUILT_IN) == '{{< note title="Fast" >}}'
    assert loosened('{{< card title="open >}}', BUILT_IN) == '{{< card title="open >}}'


# -- properties -------------------------------------------------------------------------

_TEXT = st.text(alphabet='abcdeXYZ é中 "`\\>}%{<\n', min_size=1, max_size=12)
_WORDS = st.text(alphabet="abcdefgh éñ", min_size=1, max_size=10).filter(lambda t: t.strip() != "")
_CALLS = [("card", ["title", "subtitle", "icon"]), ("figure", ["src", "caption", "alt"]), ("details", ["summary"])]


@st.composite
def _value(draw: st.DrawFn, words: bool = False) -> str:
    """A value as written in a call, in a quoting that holds it."""
    while True:
        text = draw(_WORDS if words else _TEXT)
        written = write_value(text, draw(st.sampled_from(["", '"', "`"])))
        if written is not None:
            return written


@st.composite
def _call(draw: st.DrawFn) -> list[str]:
    percent = draw(st.booleans())
    opening, closing = ("{{%", "%}}") if percent else ("{{<", ">}}")
    if draw(st.booleans()):
        name, keys = draw(st.sampled_from(_CALLS))
        params = [f"{key}={draw(_value())}" for key in draw(st.lists(st.sampled_from(keys), max_size=3))]
    else:
        name = draw(st.sampled_from(["tab", "badge"]))
        params = [draw(_value()) for _ in range(draw(st.integers(1, 2)))]
    if draw(st.booleans()):
        lines = [f"{opening} {name}", *(f"  {p}" for p in params), closing]
    else:
        lines = [" ".join([opening, name, *params, closing])]
    if draw(st.booleans()):
        lines += [draw(_WORDS).strip() + ".", f"{opening} /{name} {closing}"]
    return "\n".join(lines).split("\n")


@st.composite
def _article(draw: st.DrawFn) -> str:
    blocks: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["call", "call", "para", "inline"]))
        if kind == "call":
            blocks.append("\n".join(draw(_call())))
        elif kind == "para":
            blocks.append(draw(_WORDS).strip() + ".")
        else:
            blocks.append(f"Some {draw(_WORDS).strip()} {{{{< card title={draw(_value(words=True))} >}}}} here.")
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return eol.join("\n\n".join(blocks).split("\n")) + eol


@given(_article(), st.data())
def test_identity_rebuilds_any_article_with_shortcodes_byte_for_byte(text: str, data: st.DataObject) -> None:
    article = _parse(text)
    segments, skipped = segment_article(article, KEYS)
    assert not skipped
    texts = sorted({s.text for s in segments})
    chosen = data.draw(st.sets(st.sampled_from(texts)) if texts else st.just(set[str]()))
    result = merge_article(article, segments, {(None, t): t for t in chosen}, "fr")
    assert result.text == text
    assert result.held == ()


@given(_article(), st.lists(_TEXT, min_size=1, max_size=4))
def test_a_translation_the_validator_passes_reads_back_exactly(text: str, words: list[str]) -> None:
    article = _parse(text)
    segments, _ = segment_article(article, KEYS)
    kinds: dict[str, set[str]] = {}
    for segment in segments:
        kinds.setdefault(segment.text, set()).add(segment.kind)
    translations: dict[Key, str] = {}
    for number, msgid in enumerate(sorted(kinds)):
        # Hostile words for values; body texts have their own round-trip properties.
        values = all(kind.startswith("shortcode ") for kind in kinds[msgid])
        new = (words[number % len(words)] if values else "Tx") + " " + msgid
        # A translation without words (`< X>` reads as a tag) would not be extracted again.
        if not problems(msgid, new, kinds[msgid]) and is_translatable(new):
            translations[(None, msgid)] = new
    result = merge_article(article, segments, translations, "fr")
    assert result.held == ()
    again, _ = segment_article(_parse(result.text), KEYS)
    expected = [translations.get((None, s.text), s.text) for s in segments]
    assert [(s.kind, s.text) for s in again] == [(s.kind, t) for s, t in zip(segments, expected, strict=True)]
    # Only the values changed: what lies between them is the source's, quotes aside.
    unquoted = [gap.strip('"`') for gap in gaps(text, segments)]
    assert [gap.strip('"`') for gap in gaps(result.text, again)] == unquoted


def test_an_article_s_markup_is_found_once_for_its_body_and_its_shortcodes(monkeypatch: pytest.MonkeyPatch) -> None:
    from translate_flow.document import hugo_markup

    text = 'Intro {{< icon "x" >}} here.\n\n{{< card title="Fast" >}}\n\nMore text.\n'
    wholes: list[str] = []
    real = hugo_markup.find_markup

    def counted(found_in: str, *args: object) -> object:
        if found_in == text:
            wholes.append(found_in)
        return real(found_in, *args)  # type: ignore[arg-type]

    # Wherever the segmenters look it up from.
    for name, module in list(sys.modules.items()):
        if name.startswith("translate_flow.") and getattr(module, "find_markup", None) is real:
            monkeypatch.setattr(module, "find_markup", counted)
    assert ("shortcode card: title", "Fast", 3) in _values(text)
    assert len(wholes) == 1
    # Each segmenter alone still finds what it needs for itself.
    assert shortcode_segments(text, 0, [], BUILT_IN)[0].text == "Fast"
