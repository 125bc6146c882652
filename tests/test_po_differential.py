"""Reading PO files the way GNU msgfmt does: a differential test with msgunfmt as the oracle.

Random catalogs use every way of writing a character that msgfmt accepts: raw Unicode
line separators, lone CRs, tabs, octal escapes of UTF-8 bytes, ``\\a \\b \\f \\v``, plural
entries and contexts. We read each one and write it back; msgfmt + msgunfmt must see the
same messages in our output as in the original.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import msgfmt_check, need_tool, read_po, run, write_tree
from translate_flow.catalog.io import parse_catalog, render_catalog

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


def test_a_hand_added_plural_entry_is_kept_whole(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello world.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fr/a.po"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "un fichier"\nmsgstr[1] "%d fichiers"\n')
    assert run(project, "extract", "--force", "-q").exit_code == 0
    (gone,) = [e for e in read_po(path) if e.obsolete]
    assert gone.msgid_plural == "%d files" and gone.msgstr_plural == {0: "un fichier", 1: "%d fichiers"}
    msgfmt_check(path)
    # When the text comes back as a (singular) paragraph, its first form returns, for review.
    write_tree(project, {"content/a.md": "Hello world.\n\none file\n"})
    assert run(project, "extract", "-q").exit_code == 0
    revived = read_po(path).find("one file")
    assert revived.msgstr == "un fichier" and "fuzzy" in revived.flags and not revived.msgstr_plural
    msgfmt_check(path)
    assert run(project, "extract", "--force", "-q").exit_code == 0  # and the file stays readable
