"""The fast PO reader against its reference, the polib path of ``parse_catalog``.

Equal means equal in every attribute polib sets, in order and type: ``vars()`` of the file
and of each entry (msgids, msgstrs, plural forms, contexts, comments, occurrences, flags,
previous texts, ``obsolete``, ``linenum``, header, metadata, encoding, width). Random
catalogs are written by our writer at width 0 and 79 and by GNU msgcat, checked by
``msgfmt -c``; mutated ones check that whatever the fast reader accepts, the reference
reads the same way, so every error still comes from the reference.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import need_tool
from translate_flow.catalog.io import parse_catalog, parse_with_polib, render_catalog
from translate_flow.catalog.po_reader import fast_parse
from translate_flow.errors import CatalogError

_ROOT = Path(__file__).resolve().parents[3]


def _snapshot(po: polib.POFile) -> tuple[str, list[str]]:
    return repr(vars(po)), [repr(vars(entry)) for entry in po]


def _reference(text: str) -> polib.POFile | CatalogError:
    try:
        return parse_with_polib(text, "ll.po")
    except CatalogError as exc:
        return exc


def _assert_same(text: str, *, fast: bool) -> None:
    """The fast reader gives what the reference gives, or leaves the text to it; ``fast``: it must not."""
    got = fast_parse(text)
    if got is None:
        assert not fast, text
        return
    expected = _reference(text)
    assert not isinstance(expected, CatalogError), f"fast reader accepted what the reference refuses: {expected}"
    assert _snapshot(got) == _snapshot(expected), text


# No "%" (msgfmt -c checks c-format directives), no character that lexicon hides from polib.
_PLAIN = "aZ 9,:;.-_{}#|~日本語の文字한국어中文ÉéßŁ😀🎉\u0301\u200b"
_ESCAPED = '\\"\n\t'
_text = st.text(alphabet=st.sampled_from(_PLAIN + _ESCAPED), max_size=14)
_line = st.text(alphabet=st.sampled_from(_PLAIN), min_size=1, max_size=10).map(str.strip).filter(bool)
_HEADER_FIELDS = [
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Transfer-Encoding",
    "X-Generator",
    "X-TF-Hash",
]


def _like(msgid: str, text: str) -> str:
    """``text`` starting and ending with a newline exactly when ``msgid`` does, as msgfmt -c wants."""
    if not text:
        return text
    core = text.strip("\n") or "x"
    return ("\n" if msgid.startswith("\n") else "") + core + ("\n" if msgid.endswith("\n") else "")


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    """A catalog msgfmt -c accepts, holding every part a PO file has."""
    po = polib.POFile(wrapwidth=0)
    # A header line starting with "," or ":" is written "#," or "#:", which polib cannot read back.
    po.header = draw(st.lists(_line.filter(lambda s: s[0] not in ",:"), max_size=3).map("\n".join))
    po.metadata_is_fuzzy = draw(st.booleans())
    forms = draw(st.integers(1, 6))
    po.metadata = {name: draw(_line) for name in draw(st.lists(st.sampled_from(_HEADER_FIELDS), unique=True))}
    if draw(st.booleans()):  # a value over two lines: the second reads as a continuation
        po.metadata["X-Notes"] = draw(_line) + "\n" + draw(_line)
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["Plural-Forms"] = f"nplurals={forms}; plural={'0' if forms == 1 else f'(n % {forms})'};"
    seen: set[tuple[str | None, str]] = set()
    nonempty = _text.filter(lambda s: s.strip("\n") != "")
    for _ in range(draw(st.integers(0, 7))):
        msgctxt = draw(st.none() | _text)
        msgid = draw(nonempty)
        if (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        plural = draw(st.booleans())
        previous = draw(st.none() | nonempty)
        entry = polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            msgid_plural=_like(msgid, draw(nonempty)) if plural else "",
            tcomment=draw(st.lists(_line, max_size=2).map("\n".join)),
            comment=draw(st.lists(_line, max_size=2).map("\n".join)),
            occurrences=draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(["a.md", "b/c-d.md", "日.md", "x:y.md", "a b.md", "C:\\p.md", "9"]),
                        st.sampled_from(["", "1", "42"]),
                    ),
                    max_size=3,
                )
            ),
            flags=draw(st.lists(st.sampled_from(["fuzzy", "c-format", "no-c-format", "no-wrap"]), unique=True)),
            previous_msgctxt=draw(st.none() | _text) if previous is not None else None,
            previous_msgid=previous,
            previous_msgid_plural=draw(st.none() | nonempty) if previous is not None else None,
            obsolete=draw(st.booleans()),
        )
        if "c-format" in entry.flags and "no-c-format" in entry.flags:
            entry.flags.remove("no-c-format")
        if plural:
            whole = draw(st.booleans())  # msgfmt -c wants plural translations all or none
            entry.msgstr_plural = {n: _like(msgid, draw(nonempty)) if whole else "" for n in range(forms)}
        else:
            entry.msgstr = _like(msgid, draw(_text))
        po.append(entry)
    return po


def _msgfmt_accepts(data: bytes) -> None:
    msgfmt = need_tool("msgfmt")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "ll.po")
        path.write_bytes(data)
        done = subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr + data.decode()


def _msgcat(data: bytes, *options: str) -> bytes:
    msgcat = need_tool("msgcat")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "ll.po")
        path.write_bytes(data)
        done = subprocess.run([msgcat, *options, str(path)], capture_output=True, check=True)
    return done.stdout


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.sampled_from([0, 79]))
def test_reads_what_our_writer_writes_as_polib_does(po: polib.POFile, width: int) -> None:
    po.wrapwidth = width
    data = render_catalog(po)
    _msgfmt_accepts(data)
    _assert_same(data.decode("utf-8"), fast=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.sampled_from([(), ("--width=79",), ("--no-wrap",), ("--width=30",)]))
def test_reads_what_msgcat_writes_as_polib_does(po: polib.POFile, options: tuple[str, ...]) -> None:
    data = _msgcat(render_catalog(po), *options)
    if data:  # msgcat writes nothing for a catalog without messages
        _msgfmt_accepts(data)
    _assert_same(data.decode("utf-8"), fast=True)


# Lines the grammar does not take, or takes only in some places: each one in a random place.
_ODD_LINES = [
    "",
    "#",
    "# ",
    "#,",
    "#:",
    "#.",
    "#~",
    "#~ ",
    "#|",
    "#~|",
    "##x",
    "#\tx",
    "#x",
    "#: a.md:1 b.md:x :7 c:",
    "#: a.md:\u0661\u0662\tb.md:\u00b2 c",
    "#.\tx  ",
    "#,\tfuzzy ",
    "## x",
    "#  two spaces ",
    "# \u3000",
    "#, fuzzy,, c-format",
    "# note\\",
    '#| msgid "old"',
    '#| "more"',
    '#~| msgid "gone"',
    '#~|msgid "gone"',
    '#| msgctxt "c"',
    '#| msgid_plural "olds"',
    'msgctxt "c"',
    'msgid ""',
    'msgid "a"',
    'msgid "a" ',
    ' msgid "a"',
    'msgid_plural "as"',
    'msgstr ""',
    'msgstr "x"',
    'msgstr[0] "x"',
    'msgstr[1] "y"',
    'msgstr[10] "z"',
    '"cont"',
    '"Language: fr\\n"',
    '"no colon\\n"',
    '#~ msgid "a"',
    '#~ msgstr "x"',
    '#~ "cont"',
    "#~ # comment",
    'msgid "\\303\\240"',
    'msgid "a\\qb"',
    'msgid "unterminated',
    "msgid 'x'",
    "\ufeff",
    "\x0c",
    'msgid "a\x0bb"',
    "foo",
    "\t",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    po = draw(catalogs())
    po.wrapwidth = draw(st.sampled_from([0, 79]))
    lines = render_catalog(po).decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "swap"]))
        if action == "insert":
            lines.insert(where, draw(st.sampled_from(_ODD_LINES)))
        elif where < len(lines):
            if action == "delete":
                del lines[where]
            elif action == "duplicate":
                lines.insert(where, lines[where])
            else:
                other = draw(st.integers(0, len(lines) - 1))
                lines[where], lines[other] = lines[other], lines[where]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_what_it_accepts_the_reference_reads_the_same(text: str) -> None:
    _assert_same(text, fast=False)


def _catalog_files() -> list[Path]:
    files = [*(_ROOT / "tests").rglob("*.po"), *(_ROOT / "tests").rglob("*.pot"), *(_ROOT / "locales").rglob("*.po*")]
    return sorted(path for path in files if path.suffix in (".po", ".pot"))


@pytest.mark.parametrize("path", _catalog_files(), ids=lambda path: str(path.relative_to(_ROOT)))
def test_every_catalog_in_the_repository_reads_as_polib_reads_it(path: Path) -> None:
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    # Golden outputs and the bundled catalogs are ours or msgcat's: the fast reader takes them all.
    _assert_same(data.decode("utf-8"), fast=True)


def test_the_repository_has_catalogs_to_compare() -> None:
    assert len(_catalog_files()) >= 20


_GOOD = (
    '# Title\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: fr\\n"\n"X-Notes: one\\n"\n"two\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#. note\n#: a.md:3 b c:d:12\n#, fuzzy, c-format\n#| msgid "old"\n#| "er"\nmsgctxt "c"\nmsgid "a\\"b"\n'
    '"\\n"\nmsgstr "x\\\\"\n\n#~ msgid "gone"\n#~ msgstr "parti"\n'
)


def test_a_common_file_is_read_by_the_fast_reader() -> None:
    po = fast_parse(_GOOD)
    assert po is not None
    assert po.header == "Title" and po.metadata_is_fuzzy == ["fuzzy"]
    assert po.metadata == {"Language": "fr", "X-Notes": "one\ntwo", "Content-Type": "text/plain; charset=UTF-8"}
    live, gone = po
    assert (live.msgctxt, live.msgid, live.msgstr, live.previous_msgid) == ("c", 'a"b\n', "x\\", "older")
    assert live.occurrences == [("a.md", "3"), ("b", ""), ("c:d", "12")]
    assert (live.linenum, gone.linenum, gone.obsolete) == (10, 20, 1)
    _assert_same(_GOOD, fast=True)
    obsolete_previous = _GOOD.replace("#~ msgid", '#~| msgid "was"\n#~ msgid')
    assert fast_parse(obsolete_previous)[-1].previous_msgid == "was"  # type: ignore[index]
    _assert_same(obsolete_previous, fast=True)


@pytest.mark.parametrize(
    "text",
    [
        _GOOD.replace("\n", "\r"),  # old Mac line ends: polib's line breaks are not msgfmt's
        _GOOD.replace('"x\\\\"', '"x\x0cy"'),  # a form feed in a string
        _GOOD.replace('"x\\\\"', '"\\303\\240"'),  # an octal escape, msgfmt's to decode
        _GOOD.replace("#~ msgid", '#~|msgid "was"\n#~ msgid'),  # no space after the mark
        _GOOD.replace('msgctxt "c"', '# between\nmsgctxt "c"').replace('msgid "a', '# inside\nmsgid "a'),
        _GOOD.replace('msgstr "x\\\\"', 'msgstr "x" '),  # white space after a string
        _GOOD.replace('msgid ""\nmsgstr ""', 'msgctxt "h"\nmsgid ""\nmsgstr ""'),  # a header with a context
        _GOOD + '\nmsgid ""\nmsgstr "X: y\\n"\n',  # two headers
        _GOOD + 'msgid "p"\nmsgid_plural "ps"\nmsgstr[10] "x"\n',  # a plural index polib reads as 1
    ],
)
def test_other_shapes_are_left_to_the_reference(text: str) -> None:
    assert fast_parse(text) is None
    expected = _reference(text)
    try:
        got: polib.POFile | CatalogError = parse_catalog(text.encode("utf-8"), "ll.po")
    except CatalogError as exc:
        got = exc
    if isinstance(expected, CatalogError):
        assert str(got) == str(expected)
    elif not isinstance(got, CatalogError):  # the duplicate check may still refuse it
        assert _snapshot(got) == _snapshot(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('msgid "a"\nmsgstr "b\n', 'll.po:2: malformed or unterminated string: "b'),
        (
            '# note\\\nmsgid "a"\nmsgstr ""\n',
            "ll.po:1: a comment ends with a backslash, which joins it to the next line",
        ),
        ('msgid "a"\n', "ll.po: the last entry has no msgstr"),
        ('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr "x"\n', "ll.po:4: duplicate message definition: 'a'"),
    ],
)
def test_errors_are_the_reference_s(text: str, message: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text.encode("utf-8"), "ll.po")
    assert str(caught.value) == message
