"""catalog.lexicon (through catalog.io): PO text read the way GNU msgfmt reads it.

A differential test with msgunfmt as the oracle, then the lexicon's own functions.

Random catalogs use every way of writing a character that msgfmt accepts: raw Unicode
line separators, lone CRs, tabs, octal escapes of UTF-8 bytes, ``\\a \\b \\f \\v``, plural
entries and contexts. We read each one and write it back; msgfmt + msgunfmt must see the
same messages in our output as in the original.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import need_tool
from translate_flow.catalog.io import parse_catalog, render_catalog
from translate_flow.catalog.lexicon import decode_escapes, hide_separators, restore_separators
from translate_flow.errors import CatalogError

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
CHARS = ["a", "b", "é", "中", " ", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\r", "\t", '"', "\\", "\n", "\x07"]


@st.composite
def written(draw: st.DrawFn, min_size: int = 1) -> tuple[str, str]:
    """A string and one way to write it in a PO file (without the quotes)."""
    chars = draw(st.lists(st.sampled_from(CHARS), min_size=min_size, max_size=8))
    # msgfmt wants msgid and msgstr to agree on starting and ending with a newline: none do.
    if chars and chars[0] == "\n":
        chars.insert(0, "x")
    if chars and chars[-1] == "\n":
        chars.append("x")
    out = []
    for ch in chars:
        ways = []
        if ch not in '"\\\n':
            ways.append(ch)  # raw: msgfmt takes it, as long as it is no LF, quote or backslash
        ways.append("".join(f"\\{byte:03o}" for byte in ch.encode("utf-8")))
        named = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\x07": "\\a", "\x0c": "\\f"}
        if ch in named:
            ways.append(named[ch])
        out.append(draw(st.sampled_from(ways)))
    return "".join(chars), "".join(out)


@st.composite
def catalog(draw: st.DrawFn) -> str:
    text = HEADER
    used: set[tuple[str | None, str]] = set()
    for number in range(draw(st.integers(1, 4))):
        context = draw(st.none() | written())
        msgid, msgid_written = draw(written())
        msgid, msgid_written = f"m{number}{msgid}", f"m{number}{msgid_written}"
        key = (context[0] if context else None, msgid)
        if key in used:
            continue
        used.add(key)
        if context is not None:
            text += f'msgctxt "{context[1]}"\n'
        text += f'msgid "{msgid_written}"\n'
        if draw(st.booleans()):
            plural = draw(written())
            text += f'msgid_plural "{plural[1]}"\n'
            for index in range(2):
                text += f'msgstr[{index}] "{draw(written())[1]}"\n'
        else:
            text += f'msgstr "{draw(written())[1]}"\n'
        text += "\n"
    return text


def _messages(po_text: bytes, tmp: Path) -> str:
    """What msgfmt understands the catalog to say, as msgunfmt prints it."""
    source = tmp / "in.po"
    source.write_bytes(po_text)
    mo = tmp / "out.mo"
    done = subprocess.run([need_tool("msgfmt"), "-o", str(mo), str(source)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    shown = subprocess.run([need_tool("msgunfmt"), str(mo)], capture_output=True, check=True)
    return shown.stdout.decode("utf-8")


@given(catalog())
def test_what_we_read_and_write_means_what_msgfmt_reads(tmp_path_factory: object, text: str) -> None:
    tmp = tmp_path_factory.mktemp("po")  # type: ignore[attr-defined]
    original = text.encode("utf-8")
    ours = render_catalog(parse_catalog(original, "fr.po"))
    assert _messages(ours, tmp) == _messages(original, tmp)


def test_escapes_and_separators_are_read_as_msgfmt_reads_them() -> None:
    text = HEADER + 'msgid "Bonjour \\303\\240 tous"\nmsgstr "x\\x41\\a"\n\nmsgid "a\u2028b\rc"\nmsgstr "d\x85e"\n'
    po = parse_catalog(text.encode("utf-8"), "fr.po")
    assert [(e.msgid, e.msgstr) for e in po] == [("Bonjour à tous", "xA\x07"), ("a\u2028b\rc", "d\x85e")]


def test_plural_entries_stay_whole() -> None:
    text = HEADER + 'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "un fichier"\nmsgstr[1] "%d fichiers"\n'
    (entry,) = parse_catalog(text.encode("utf-8"), "fr.po")
    assert entry.msgid_plural == "%d files" and entry.msgstr_plural == {0: "un fichier", 1: "%d fichiers"}
    assert 'msgid_plural "%d files"' in render_catalog(parse_catalog(text.encode("utf-8"), "fr.po")).decode()


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('msgid "\\303\\240 \\x41\\a\\?"', 'msgid "à A\a?"'),
        ('msgstr "\\012"', 'msgstr "\\n"'),  # written back as one of polib's escapes
        ('msgstr "\\\\101"', 'msgstr "\\\\101"'),  # an escaped backslash, then digits
        ('# a note \\101\nmsgid "x"', '# a note \\101\nmsgid "x"'),  # comments hold no strings
    ],
)
def test_decode_escapes_turns_what_polib_does_not_know_into_characters(written: str, read: str) -> None:
    assert decode_escapes(written, "fr.po") == read


@pytest.mark.parametrize(
    ("line", "message"),
    [('msgstr "\\777"', "out of range"), ('msgstr "\\000"', "NUL"), ('msgstr "\\377"', "not valid UTF-8")],
)
def test_escapes_msgfmt_would_read_differently_are_refused(line: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message) as caught:
        decode_escapes('msgid "a"\n' + line, "fr.po")
    assert caught.value.line == 2


def test_separators_are_hidden_from_polib_and_put_back_everywhere() -> None:
    text = HEADER + '# note\u2028here\nmsgctxt "c\x85"\nmsgid "a\u2028b"\nmsgstr "c\rd\x0ce"\n'
    hidden, table = hide_separators(text)
    assert not any(ch in hidden for ch in "\u2028\x85\x0c") and "\r" not in hidden
    assert hidden.count("\n") == text.count("\n")
    po = polib.pofile(hidden, wrapwidth=0)
    restore_separators(po, table)
    (entry,) = po
    assert (entry.msgctxt, entry.msgid, entry.msgstr, entry.tcomment) == (
        "c\x85",
        "a\u2028b",
        "c\rd\x0ce",
        "note\u2028here",
    )
    assert hide_separators("plain\n") == ("plain\n", {})
