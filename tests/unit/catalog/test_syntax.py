"""catalog.syntax (and catalog.io, which runs it first): the strict reader refuses what GNU msgfmt
would reject or read differently from polib."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import need_tool
from translate_flow.catalog.io import parse_catalog
from translate_flow.catalog.syntax import check_po_syntax
from translate_flow.errors import CatalogError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("body", "line", "message", "msgfmt_refuses"),
    [
        ('#| msgid ""Old"\nmsgid "New"\nmsgstr "Neu"\n', 5, "malformed previous msgid", True),
        ('#~ msgid "Gone"\n#~ msgstr "Weg"\n"more"\n', 7, "inconsistent use of #~", True),
        ('msgid "A"\nmsgstr "B"\n#~ "more"\n', 7, "string without a keyword", True),
        ('# a note \\\nmsgid "A"\nmsgstr "B"\n', 5, "ends with a backslash", True),
        # msgfmt takes this one but ends the string at the NUL; polib would keep "C".
        ('msgid "A"\nmsgstr "B\x00C"\n', 6, "NUL character", False),
    ],
)
def test_refused_like_msgfmt(body: str, line: int, message: str, msgfmt_refuses: bool) -> None:
    text = HEADER + body
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text.encode("utf-8"), "locales/fr/a.po")
    assert caught.value.line == line and message in caught.value.message
    msgfmt = need_tool("msgfmt")
    done = subprocess.run([msgfmt, "-o", os.devnull, "-"], input=text.encode("utf-8"), capture_output=True, check=False)
    assert (done.returncode != 0) == msgfmt_refuses, done.stderr


def test_previous_msgid_lines_that_msgfmt_reads_are_accepted() -> None:
    text = (
        HEADER
        + '#, fuzzy\n#| msgctxt "c"\n#| msgid "Old"\n#| "er"\nmsgid "New"\nmsgstr "Neu"\n\n#~| msgid "x"\n#~ msgid "y"\n#~ msgstr "z"\n'
    )
    po = parse_catalog(text.encode("utf-8"), "locales/fr/a.po")
    assert [(e.msgid, e.previous_msgid) for e in po if not e.obsolete] == [("New", "Older")]
    assert [e.msgid for e in po if e.obsolete] == ["y"]
    done = subprocess.run(
        [need_tool("msgfmt"), "-o", os.devnull, "-"], input=text.encode(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "body",
    [
        'msgid "A"\nmsgstr "B"\n\n#~ msgid "A"\n#~ msgstr "C"\n',  # an obsolete twin of a live entry
        '#~ msgid ""\n#~ msgstr "C"\n',  # a second header
        '#| msgid "Old"\u2028\nmsgid "A"\nmsgstr "B"\n',  # U+2028 is no blank to msgfmt
    ],
)
def test_duplicates_and_stray_separators_are_refused_like_msgfmt(body: str) -> None:
    text = HEADER + body
    with pytest.raises(CatalogError):
        parse_catalog(text.encode("utf-8"), "locales/fr/a.po")
    done = subprocess.run(
        [need_tool("msgfmt"), "-o", os.devnull, "-"], input=text.encode("utf-8"), capture_output=True, check=False
    )
    assert done.returncode != 0


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('msgstr "B"\n', 5, "'msgstr' is out of place"),
        ('msgid "A"\nmsgid "B"\nmsgstr ""\n', 6, "'msgid' is out of place"),
        ('msgid "A"\nmsgstr[0] "B"\n', 6, "'msgstr[0]' is out of place"),
        ('msgid "A"\nmsgstr "B" x\n', 6, "malformed or unterminated string"),
        ('msgid "A"\nmsgstr "\\q"\n', 6, "malformed or unterminated string"),
        ("msgid A\n", 5, "malformed or unterminated string"),
        ('msgfoo "A"\n', 5, "not a comment, keyword or string"),
        ('msgid "A"\n', None, "the last entry has no msgstr"),
    ],
)
def test_check_po_syntax_names_the_first_bad_line(body: str, line: int | None, message: str) -> None:
    with pytest.raises(CatalogError) as caught:
        check_po_syntax(HEADER + body, "fr.po")
    assert (caught.value.path, caught.value.line) == ("fr.po", line) and message in caught.value.message
    done = subprocess.run(
        [need_tool("msgfmt"), "-o", os.devnull, "-"], input=(HEADER + body).encode(), capture_output=True, check=False
    )
    assert done.returncode != 0, "msgfmt accepts what we refuse"


def test_check_po_syntax_accepts_what_msgfmt_accepts() -> None:
    text = HEADER + '#, fuzzy\nmsgctxt "c"\nmsgid ""\n"A"\nmsgid_plural "As"\nmsgstr[0] "B"\nmsgstr[1] "Bs"\n'
    check_po_syntax(text, "fr.po")
    done = subprocess.run(
        [need_tool("msgfmt"), "-o", os.devnull, "-"], input=text.encode(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
