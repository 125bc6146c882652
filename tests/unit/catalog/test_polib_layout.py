"""The width-0 writer against its reference: polib's ``str(po)``, byte for byte, and msgfmt.

Random catalogs hold every part polib writes (header comment, fuzzy header, metadata in
and out of polib's order, comments, occurrences with and without lines, flags, previous
texts, contexts, plurals, obsolete entries) and strings with every character polib
escapes or splits a string at, CJK and other scripts.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import need_tool
from translate_flow.catalog.io import parse_catalog, render_catalog
from translate_flow.catalog.polib_layout import render_polib

# Every character polib escapes, every one str.splitlines() breaks at, others it writes as they are.
_SPECIAL = '\\"\n\r\t\x0b\x0c\b\a\x1c\x1d\x1e\x85\u2028\u2029\x01\x1f\x7f'
_SCRIPTS = "aZ 9,:;.-_%{}#|~日本語の文字한국어中文ÉéßŁ😀\u0301\u200b"
_any_text = st.text(alphabet=st.sampled_from(_SPECIAL + _SCRIPTS), max_size=12) | st.text(max_size=12)
# What a catalog msgfmt reads may hold (no NUL: escapes are decoded to text, and \0 is refused).
_valid_text = st.text(alphabet=st.sampled_from(_SPECIAL + _SCRIPTS), max_size=12)

_FIELDS = ["Project-Id-Version", "POT-Creation-Date", "Language", "Plural-Forms", "X-Generator", "X-TF-Hash", "x10"]


def _catalog(
    draw: st.DrawFn,
    text: st.SearchStrategy[str],
    nonempty: st.SearchStrategy[str],
    header_lines: list[str],
    values: st.SearchStrategy[str],
) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.header = draw(st.lists(st.sampled_from(header_lines), max_size=4).map("\n".join))
    po.metadata_is_fuzzy = draw(st.booleans())
    fields = draw(st.lists(st.sampled_from(_FIELDS), unique=True, max_size=5))
    po.metadata = {name: draw(values) for name in fields}
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    seen: set[tuple[str | None, str]] = set()
    for _ in range(draw(st.integers(0, 6))):
        msgctxt = draw(st.none() | text)
        msgid = draw(nonempty)
        if (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        plural = draw(st.booleans())
        entry = polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            msgid_plural=draw(nonempty) if plural else "",
            tcomment=draw(st.sampled_from(["", "note", "two\nlines", "\n", "日本語 ,x"])),
            comment=draw(st.sampled_from(["", "extracted", "a\n\nb"])),
            occurrences=draw(
                st.lists(
                    st.tuples(st.sampled_from(["a.md", "b/c-d.md", "日.md"]), st.sampled_from(["", "1", "42"])),
                    max_size=3,
                )
            ),
            flags=draw(st.lists(st.sampled_from(["fuzzy", "no-wrap", "python-format"]), unique=True, max_size=2)),
            previous_msgctxt=draw(st.none() | text),
            previous_msgid=draw(st.none() | nonempty),
            previous_msgid_plural=draw(st.none() | nonempty),
            obsolete=draw(st.booleans()),
        )
        if plural:
            entry.msgstr_plural = {0: draw(text), 1: draw(text)}
        else:
            entry.msgstr = draw(text)
        po.append(entry)
    return po


@st.composite
def any_catalog(draw: st.DrawFn) -> polib.POFile:
    nonempty = _any_text.filter(bool)
    return _catalog(draw, _any_text, nonempty, ["", ",x", ":y", "Title", " indented", "日本"], nonempty)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(any_catalog())
def test_writes_what_polib_writes(po: polib.POFile) -> None:
    assert render_polib(po) == str(po)


def test_a_catalog_without_entries_or_header_is_polib_s() -> None:
    po = polib.POFile(wrapwidth=0)
    assert render_polib(po) == str(po) == '#\nmsgid ""\nmsgstr ""\n'


def _mirror_ends(po: polib.POFile) -> None:
    """msgfmt -c wants a plural or a translation to start and end with a newline exactly when
    its msgid does; the rest of the catalog as translate-flow writes it."""

    def like(msgid: str, msgstr: str) -> str:
        if not msgstr:
            return msgstr
        core = msgstr.strip("\n") or "x"
        return ("\n" if msgid.startswith("\n") else "") + core + ("\n" if msgid.endswith("\n") else "")

    for entry in po:
        entry.msgid_plural = like(entry.msgid, entry.msgid_plural)
        entry.msgstr = like(entry.msgid, entry.msgstr)
        # Plural translations come all at once (msgfmt -c refuses some of them empty).
        whole = all(entry.msgstr_plural.values())
        entry.msgstr_plural = {n: like(entry.msgid, s) if whole else "" for n, s in entry.msgstr_plural.items()}
        entry.flags = [flag for flag in entry.flags if flag != "python-format"]
        # A previous context or plural comes with a previous msgid, as msgmerge writes them.
        if entry.previous_msgid is None:
            entry.previous_msgctxt = entry.previous_msgid_plural = None
        # polib reads an empty comment line back as no line: translate-flow writes none.
        entry.tcomment = "\n".join(line for line in entry.tcomment.split("\n") if line)
        entry.comment = "\n".join(line for line in entry.comment.split("\n") if line)


@st.composite
def valid_catalog(draw: st.DrawFn) -> polib.POFile:
    # A msgid of only line breaks would read as a second header. The header as translate-flow
    # writes it: comment lines that polib reads back as they were, one-line field values.
    nonempty = _valid_text.filter(lambda s: s.strip("\r\n\x85\u2028\u2029\x1c\x1d\x1e") != "")
    values = st.text(alphabet=st.sampled_from(_SCRIPTS), min_size=1, max_size=12).map(str.strip).filter(bool)
    po = _catalog(draw, _valid_text, nonempty, ["Title", "日本 語", "Generated; do not edit."], values)
    _mirror_ends(po)
    return po


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_catalog())
def test_msgfmt_accepts_it_and_it_reads_back_the_same(po: polib.POFile) -> None:
    msgfmt = need_tool("msgfmt")
    data = render_catalog(po)
    assert data == str(po).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "ll.po")
        path.write_bytes(data)
        done = subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr + data.decode()
    again = parse_catalog(data, "ll.po")
    again.wrapwidth = 0
    assert render_catalog(again) == data
