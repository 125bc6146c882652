"""tmx/: the writer's output read back by our reader and by Translate Toolkit's; the reader's safety."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from translate.storage import tmx as toolkit_tmx

from translate_flow.tmx import TmUnit, TmxError, parse_tmx, render_tmx, xml_safe

# Every character XML 1.0 can hold (surrogates and U+FFFE/FFFF cannot be), \r included.
_CHAR = st.characters(blacklist_categories=("Cs",)).filter(xml_safe)
_TEXT = st.text(_CHAR, min_size=1, max_size=40)
_UNIT = st.builds(
    TmUnit,
    source_language=st.just("en"),
    source=_TEXT,
    target_language=st.sampled_from(["fr", "zh-CN", "pt-BR"]),
    target=_TEXT,
    context=st.none() | _TEXT,
    references=st.lists(st.from_regex(r"content/[a-z]{1,8}\.md:[1-9][0-9]{0,3}", fullmatch=True), max_size=3).map(
        tuple
    ),
    notes=st.lists(_TEXT, max_size=2).map(tuple),
)


@given(st.lists(_UNIT, max_size=8))
def test_what_is_written_reads_back_the_same(units: list[TmUnit]) -> None:
    read = parse_tmx(render_tmx(units, "en", "1.0"), "m.tmx")
    assert [(u.source, u.target_language, u.target, u.context, u.references, u.notes) for u in read] == [
        (u.source, u.target_language, u.target, u.context, u.references, u.notes) for u in units
    ]
    assert all(
        u.origin == f"m.tmx, unit {i} (line {6 + sum(_lines(v) for v in units[: i - 1])})"
        for i, u in enumerate(read, 1)
    )


def _lines(unit: TmUnit) -> int:
    """Lines one written unit takes: <tu>, notes, props, two tuvs and </tu>, plus line breaks inside texts."""
    texts = [
        *unit.notes,
        *([unit.context] if unit.context is not None else []),
        *unit.references,
        unit.source,
        unit.target,
    ]
    breaks = sum(text.count("\n") for text in texts)
    return 4 + len(unit.notes) + len(unit.references) + (unit.context is not None) + breaks


@given(st.lists(_UNIT, min_size=1, max_size=6))
def test_translate_toolkit_reads_the_same_units(units: list[TmUnit]) -> None:
    data = render_tmx(units, "en", "1.0")
    for language in {u.target_language for u in units}:
        store = toolkit_tmx.tmxfile(io.BytesIO(data), sourcelanguage="en", targetlanguage=language)
        theirs = [
            (u.source, u.target, u.getcontext() or None, u.getnotes()) for u in store.units if u.target is not None
        ]
        ours = [(u.source, u.target, u.context, "\n".join(u.notes)) for u in units if u.target_language == language]
        assert theirs == ours


_DOC = '<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<tmx version="1.4"><header srclang="en"/><body>{body}</body></tmx>'


def _parse(body: str, doctype: str = "") -> list[TmUnit]:
    return parse_tmx(_DOC.format(doctype=doctype, body=body).encode(), "in.tmx")


def test_inline_codes_give_back_the_markup_and_other_tmx_versions_read() -> None:
    [unit] = _parse(
        '<tu tuid="7"><tuv xml:lang="EN"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept>'
        '<ph>{{&lt; x &gt;}}</ph></seg></tuv><tuv lang="fr-FR"><seg>Appuyez sur <hi>OK</hi></seg></tuv></tu>'
    )
    assert (unit.source, unit.target_language, unit.target) == ("Press <b>OK</b>{{< x >}}", "fr-FR", "Appuyez sur OK")
    assert unit.origin == "in.tmx, tuid 7"


def test_a_multilingual_unit_gives_one_pair_per_language_and_all_picks_the_first_as_source() -> None:
    units = _parse(
        '<tu srclang="*all*"><prop type="x-context">menu</prop><tuv xml:lang="en"><seg>File</seg></tuv>'
        '<tuv xml:lang="de"><seg>Datei</seg></tuv><tuv xml:lang="fr"><seg>Fichier</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Second French</seg></tuv></tu><tu><tuv xml:lang="de"><seg>Nur</seg></tuv></tu>'
    )
    assert [(u.source, u.target_language, u.target, u.context) for u in units] == [
        ("File", "de", "Datei", "menu"),
        ("File", "fr", "Fichier", "menu"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _DOC.format(doctype='<!DOCTYPE tmx [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]>', body=""),
            "in.tmx:2: entity declarations are not read (found 'a'); TMX needs none",
        ),
        (
            _DOC.format(doctype='<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>', body=""),
            "in.tmx:2: entity declarations are not read (found 'x'); TMX needs none",
        ),
        (
            _DOC.format(
                doctype='<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n',
                body="<tu><tuv xml:lang='en'><seg>&x;</seg></tuv></tu>",
            ),
            "in.tmx:3: undefined entity &x;",
        ),
        ("<tmx><body>\n<tu></body></tmx>", "in.tmx:2: invalid XML: mismatched tag"),
        ("<html/>", "in.tmx:1: not a TMX file: the root element is <html>"),
        ("<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>", "in.tmx:1: <tuv> without xml:lang"),
    ],
)
def test_unsafe_or_broken_files_are_one_line(data: str, message: str) -> None:
    with pytest.raises(TmxError) as caught:
        parse_tmx(data.encode(), "in.tmx")
    assert str(caught.value) == message


def test_a_doctype_naming_the_dtd_is_read_without_fetching_it() -> None:
    [unit] = _parse(
        "<tu><tuv xml:lang='en'><seg>a</seg></tuv><tuv xml:lang='fr'><seg>b</seg></tuv></tu>",
        '<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n',
    )
    assert (unit.source, unit.target) == ("a", "b")
