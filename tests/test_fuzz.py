"""Hostile input: random and mutated Markdown, front matter and PO files.

Every input gives a correct result or a clean TranslateFlowError, never another
exception; the identity round trip holds for everything that extracts; a broken
PO file is refused with path:line and left untouched. `pytest --fuzz` runs these
with thousands of examples instead of a few dozen.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import need_tool, run, write_tree
from tests.markdown_strategies import article
from translate_flow.catalog.io import parse_catalog
from translate_flow.document.article import parse_article
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article
from translate_flow.errors import CatalogError, TranslateFlowError

PIECES = [
    "\t",
    "    ",
    "  ",
    "> ",
    ">",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "10) ",
    "# ",
    "## ",
    "===",
    "---",
    "***",
    "+++",
    "```",
    "~~~",
    "`",
    "**",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    "\\",
    "|",
    "{{< x >}}",
    "{{% y %}}",
    "[^1]",
    "[^1]: ",
    "[!NOTE]",
    "&amp;",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "a",
    "b c",
    "word",
    "中文",
    "字",
    "ع",
    "\u200b",
    "\u200f",
    "\u202e",
    "\u2028",
    "\u00a0",
    "\u3000",
    "\ufeff",
    "\x00",
    "é",
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    ":",
    '"',
    "'",
    "{",
    "}",
    "title: x",
    "lang: en",
    "=",
]
KEYS = ("title", "summary", "description")


@st.composite
def odd_markdown(draw: st.DrawFn) -> bytes:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=80)))
    prefix = draw(st.sampled_from(["", "---\n", "+++\n", "{", "---\ntitle: a\n---\n", "\ufeff"]))
    return (prefix + text).encode("utf-8", "surrogatepass")


def _identity(data: bytes) -> None:
    try:
        parsed = parse_article(data, Path("post.md"), "content/post.md", "en")
    except TranslateFlowError:
        return
    segments, _ = segment_article(parsed, KEYS)
    # Identity into the article's own language: not one byte may change.
    result = merge_article(parsed, segments, {(None, s.text): s.text for s in segments}, parsed.language)
    assert parsed.encode(result.text) == data
    # A real translation must leave a parseable article with as many segments.
    changed = merge_article(parsed, segments, {(None, s.text): "Tx " + s.text for s in segments}, parsed.language)
    again = parse_article(parsed.encode(changed.text), Path("post.md"), "content/post.md", "en")
    segment_article(again, KEYS)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(odd_markdown())
def test_random_markdown_never_crashes_and_round_trips(data: bytes) -> None:
    _identity(data)


@given(article(), st.data())
def test_mutated_articles(case: tuple[bytes, bytes], data: st.DataObject) -> None:
    source, _ = case
    position = data.draw(st.integers(0, len(source)))
    insert = data.draw(st.sampled_from([b"\t", b"\n", b"\r", b"> ", b"```\n", b"- ", b"\xe2\x80\xa8", b"\xff", b""]))
    cut = data.draw(st.integers(0, 3))
    _identity(source[:position] + insert + source[position + cut :])


VALID_PO = (
    '# comment\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
    '#. paragraph\n#: content/a.md:3\nmsgid "Hello \\"world\\""\nmsgstr "Bonjour"\n\n'
    '#, fuzzy\n#| msgid "Old"\nmsgid ""\n"Two\\n"\n"lines"\nmsgstr "Deux"\n\n#~ msgid "Gone"\n#~ msgstr "Parti"\n'
)


@given(st.data())
def test_mutated_po_is_read_or_refused_cleanly(data: st.DataObject) -> None:
    text = VALID_PO
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(text)))
        insert = data.draw(
            st.sampled_from(
                ['"', "\\", "\n", "msgid ", "msgstr ", "#~ ", "x", "", '""', "\t", "\x00", "\r"]
                # What polib and msgfmt once read differently: line separators, C escapes, plurals.
                + ["\u2028", "\u2029", "\x85", "\x0c", "\\303\\240", "\\x41", "\\a", "msgid_plural ", "msgstr[0] "]
            )
        )
        cut = data.draw(st.integers(0, 4))
        text = text[:position] + insert + text[position + cut :]
    try:
        po = parse_catalog(text.encode("utf-8"), "locales/fr/a.po")
    except CatalogError as exc:
        assert str(exc).startswith("locales/fr/a.po")
        assert exc.line is None or 1 <= exc.line <= text.count("\n") + 2
        return
    # Differential against GNU gettext: whatever the strict reader accepts, msgfmt parses too.
    # Only msgfmt's content checks may complain; those are `check`'s findings (po-newline), not
    # reasons to refuse a translator's file.
    msgfmt = need_tool("msgfmt")
    done = subprocess.run([msgfmt, "-o", os.devnull, "-"], input=text.encode("utf-8"), capture_output=True, check=False)
    complaints = [
        line
        for line in done.stderr.decode("utf-8", "replace").splitlines()
        if not re.search(r"do not both (begin|end) with|found \d+ fatal error|warning: |^ ", line)
    ]
    assert done.returncode == 0 or not complaints, (text, complaints)
    live = [e for e in po if not e.obsolete and e.msgid]
    assert len(live) == len({(e.msgctxt, e.msgid) for e in live})


def test_mutated_po_on_disk_is_left_exactly_as_it_was(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello\n"})
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fr/a.po"
    original = path.read_bytes()
    refused = 0
    for position in range(0, len(original), 7):
        mutated = original[:position] + b'"' + original[position:]
        path.write_bytes(mutated)
        os.utime(path, (1_000_000_000, 1_000_000_000))
        result = run(project, "extract", "--force")
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        if result.exit_code == 1:
            refused += 1
            assert path.read_bytes() == mutated and path.stat().st_mtime == 1_000_000_000
            assert "error: locales/fr/a.po:" in result.output
        else:
            assert result.exit_code == 0
    assert refused > 0
