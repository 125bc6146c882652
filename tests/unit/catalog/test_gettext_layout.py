"""catalog.gettext_layout: our writer at width N against GNU ``msgcat --width=N``, byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import need_tool
from translate_flow.catalog.gettext_layout import FORMAT_LANGUAGES, render_gettext, wrap_string
from translate_flow.catalog.io import parse_catalog, render_catalog

# Pieces of text as translators write them. No %, {, }, $ or ~: msgcat keeps a format
# directive whole, which our writer does not look for (see the module's docstring).
WORDS = ["the", "quick", "brown", "fox", "a", "internationalisation", "x" * 45, "é", "naïve", "Ça", "façade", "Жук"]
CJK = ["日本語", "の", "中文字", "。", "、", "「", "」", "（", "）", "，", "ー", "ッ", "한국어", "ｶﾀｶﾅ"]
MARKS = [" ", "  ", "     ", "-", "/", ".", ",", "!", "?", ":", ";", "(", ")", "[", "]", "'", "…", "—", "«", "»", "“"]
ESCAPES = ["\n", "\t", '"', "\\", "\r", "\u00a0", "\u0301"]
LONG = ["supercalifragilisticexpialidocious", "https://example.org/a/very/long/path/that/does-not-break.html"]
pieces = st.sampled_from(WORDS + CJK + MARKS + ESCAPES + LONG + ["1", "2024", "3.5", "+", "#"])
strings = st.lists(pieces, max_size=40).map("".join)
flags = st.lists(
    st.sampled_from(["fuzzy", "no-wrap", "range: 1..3"] + [f"{name}-format" for name in FORMAT_LANGUAGES[:6]]),
    max_size=3,
    unique=True,
)
references = st.lists(
    st.tuples(st.sampled_from(["content/posts/a.md", "b.md", "content/" + "x" * 70 + ".md"]), st.integers(1, 9999)),
    max_size=8,
).map(lambda refs: [(path, str(line)) for path, line in refs])


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    # Never empty: polib writes an empty header comment as "#", which it then reads as nothing.
    po.header = draw(st.sampled_from(["French translation of a.md.", "Title\n\nAna <ana@example.org>, 2024."]))
    po.metadata = {
        # polib strips a header value, so the value drawn has no space at its ends.
        "Project-Id-Version": "p " + draw(strings.filter(lambda s: "\n" not in s and "\r" not in s)).strip() + " 1",
        "Language": "fr",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    po.metadata_is_fuzzy = draw(st.booleans())
    seen: set[tuple[str | None, str]] = set()
    # msgcat writes nothing for a catalog without messages: there is always one live entry.
    for number in range(draw(st.integers(1, 6))):
        msgid = draw(strings) + f" {number}"
        msgctxt = draw(st.none() | strings)
        if (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        plural = draw(st.booleans()) and number % 3 == 0
        entry = polib.POEntry(
            msgid=msgid,
            msgctxt=msgctxt,
            tcomment=draw(st.sampled_from(["", "Ana: keep it short", "two\nlines"])),
            comment=draw(st.sampled_from(["", "paragraph", "heading\ntable cell"])),
            occurrences=draw(references),
            flags=draw(flags),
            obsolete=number > 0 and draw(st.integers(0, 4)) == 0,
        )
        if plural:
            entry.msgid_plural = draw(strings) + " many"
            entry.msgstr_plural = {0: draw(strings), 1: draw(strings)}
        else:
            entry.msgstr = draw(strings)
        if draw(st.booleans()):
            entry.previous_msgid = draw(strings)
            entry.previous_msgctxt = draw(st.none() | strings)
        if entry.obsolete:
            entry.occurrences, entry.comment = [], ""
        po.append(entry)
    return po


def _msgcat(data: bytes, folder: Path, width: int | None) -> bytes:
    path = folder / "in.po"
    path.write_bytes(data)
    options = [] if width is None else [f"--width={width}"]
    done = subprocess.run([need_tool("msgcat"), *options, str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


@settings(max_examples=150)
@given(catalogs(), st.sampled_from([None, 20, 21, 33, 50, 60, 76, 79, 80, 100, 132]))
def test_the_writer_at_width_n_is_msgcat_width_n(tmp_path_factory: object, po: polib.POFile, width: int | None) -> None:
    folder = Path(tmp_path_factory.mktemp("msgcat"))  # type: ignore[attr-defined]
    plain = render_catalog(po)
    expected = _msgcat(plain, folder, width)
    read = parse_catalog(plain, "in.po")
    assert render_gettext(read, width or 79).encode("utf-8") == expected
    # A file msgcat wrapped reads back to the same catalog, which writes the same bytes.
    assert render_gettext(parse_catalog(expected, "out.po"), width or 79).encode("utf-8") == expected


def test_cjk_breaks_between_ideographs_but_never_before_closing_punctuation() -> None:
    text = "図書館は毎朝九時に開館し、閲覧室は最後の来館者が探しているものを見つけるまで開いています。"
    lines = wrap_string("msgstr", text, 30, "")
    assert lines[0] == 'msgstr ""'
    assert "".join(line.strip('"') for line in lines[1:]) == text
    assert all(not line.startswith(('"、', '"。')) for line in lines[1:])
    assert max(len(line) * 2 for line in lines[1:]) <= 30 + 4  # wide characters count twice


def test_a_line_ends_after_each_newline_and_escapes_stay_whole() -> None:
    assert wrap_string("msgid", 'one\ntwo "quoted" \\ end\n', 79, "#~ ") == [
        '#~ msgid ""',
        '#~ "one\\n"',
        '#~ "two \\"quoted\\" \\\\ end\\n"',
    ]
    narrow = wrap_string("msgid", "a\\" * 30, 20, "")
    assert all(not line.endswith('\\"') or line.endswith('\\\\"') for line in narrow)
