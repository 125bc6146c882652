"""catalog.wrap_width: the width a file was saved with, found from its bytes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import need_tool
from translate_flow.catalog.gettext_layout import render_gettext
from translate_flow.catalog.io import parse_catalog
from translate_flow.catalog.wrap_width import choose_width, detect_width

LONG = "The reading room stays open until the last visitor has found what they came for, well after six."
PLAIN = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
    f'#: a.md:1\nmsgid "{LONG}"\nmsgstr "{LONG.upper()}"\n\n'
    'msgid "Short."\nmsgstr "Court."\n'
).encode()


def _msgcat(tmp_path: Path, data: bytes, *options: str) -> bytes:
    path = tmp_path / "in.po"
    path.write_bytes(data)
    return subprocess.run([need_tool("msgcat"), *options, str(path)], capture_output=True, check=True).stdout


def test_one_line_per_string_shows_no_width() -> None:
    assert detect_width(PLAIN, parse_catalog(PLAIN, "a.po")) is None


@pytest.mark.parametrize("width", [20, 40, 60, 76, 79, 100])
def test_msgcat_s_width_is_found(tmp_path: Path, width: int) -> None:
    data = _msgcat(tmp_path, PLAIN, f"--width={width}")
    po = parse_catalog(data, "a.po")
    found = detect_width(data, po)
    # Several widths may give this file; any of them writes it back byte for byte.
    assert found is not None and render_gettext(po, found).encode() == data
    if width in (76, 79):
        assert found == width


def test_lines_cut_only_after_newlines_show_no_width(tmp_path: Path) -> None:
    plain = PLAIN.replace(LONG.encode(), b"Long.").replace(LONG.upper().encode(), b"LONG.")
    data = _msgcat(tmp_path, plain.replace(b"Short.", b"One\\nTwo\\nThree"), "--width=79")
    assert b'msgid ""\n"One\\n"\n"Two\\n"\n"Three"' in data
    # polib writes such a string the same way at width 0: nothing tells a width.
    assert detect_width(data, parse_catalog(data, "a.po")) is None


def test_references_over_several_lines_show_a_wrapped_file(tmp_path: Path) -> None:
    refs = " ".join(f"content/posts/article-{n}.md:{n}" for n in range(10))
    data = _msgcat(tmp_path, PLAIN.replace(LONG.encode(), b"Long.").replace(b"a.md:1", refs.encode()), "--width=60")
    po = parse_catalog(data, "a.po")
    found = detect_width(data, po)
    assert found is not None and render_gettext(po, found).encode() == data


def test_a_set_width_or_a_new_file_takes_the_configured_one(tmp_path: Path) -> None:
    data = _msgcat(tmp_path, PLAIN, "--width=100")
    po = parse_catalog(data, "a.po")
    found = detect_width(data, po)
    assert found and choose_width(data, po, 0, explicit=False) == found
    assert choose_width(data, po, 0, explicit=True) == 0
    assert choose_width(None, None, 79, explicit=False) == 79
    assert choose_width(PLAIN, parse_catalog(PLAIN, "a.po"), 0, explicit=False) == 0
