"""catalog.io: PO files read as msgfmt reads them, rendered for msgfmt, written only when changed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import need_tool
from translate_flow.catalog import io as catalog_io
from translate_flow.catalog.io import (
    MsgstrLines,
    catalog_changes,
    msgstr_lines,
    parse_catalog,
    read_catalog,
    render_catalog,
    rendered_entries,
    without_trailing_comments,
    write_catalog,
)
from translate_flow.errors import CatalogError, StaleWriteError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
LATER = "1767225600"  # 2026-01-01 00:00 UTC; the tests otherwise run on 2025-01-01


def _catalog(*entries: tuple[str, str], date: str = "2024-05-01 10:00+0000") -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"POT-Creation-Date": date, "Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    return po


# -- reading -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (HEADER.encode() + b'msgid "A"\nmsgstr "unterminated\n', "locales/fr/a.po:6: malformed or unterminated"),
        (HEADER.encode() + b'msgid "A"\nmsgstr "\xff"\n', "locales/fr/a.po:6: not valid UTF-8"),
        (HEADER.encode() + b'msgid "A"\nmsgstr "B"\n\nmsgid "A"\nmsgstr "C"\n', "locales/fr/a.po:8: duplicate"),
        (HEADER.encode() + b'msgid "A"\nmsgstr "\\400"\n', "locales/fr/a.po:6: escape \\400 is out of range"),
        (HEADER.encode() + b'msgid "A"\n', "locales/fr/a.po: the last entry has no msgstr"),
    ],
)
def test_a_file_msgfmt_rejects_is_refused_with_its_path_and_line(data: bytes, shown: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(data, "locales/fr/a.po")
    assert str(caught.value).startswith(shown), str(caught.value)


def test_a_byte_order_mark_and_crlf_line_ends_are_read_like_msgfmt() -> None:
    data = b"\xef\xbb\xbf" + (HEADER + 'msgid "A"\nmsgstr "B"\n').replace("\n", "\r\n").encode()
    (entry,) = parse_catalog(data, "a.po")
    assert (entry.msgid, entry.msgstr) == ("A", "B")


def test_read_catalog_names_the_file_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"^fr/missing\.po: cannot read"):
        read_catalog(tmp_path / "missing.po", "fr/missing.po")


def test_msgstr_lines_point_at_the_msgstr() -> None:
    data = b'msgid ""\nmsgstr ""\n\n#. paragraph\nmsgid "A"\nmsgstr "B"\n\nmsgid ""\n"two\\n"\n"lines"\nmsgstr "x"\n'
    po = parse_catalog(data, "fr.po")
    lines = msgstr_lines(data)
    assert [lines[e.linenum] for e in po] == [6, 11]


def test_msgstr_lines_are_found_only_when_first_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'msgid ""\nmsgstr ""\n\n#. paragraph\nmsgid "A"\nmsgstr "B"\n\nmsgid ""\n"two\\n"\n"lines"\nmsgstr "x"\n'
    calls: list[bytes] = []
    real = catalog_io.msgstr_lines
    monkeypatch.setattr(catalog_io, "msgstr_lines", lambda found: calls.append(found) or real(found))
    lines = MsgstrLines(data)
    assert calls == []  # a merge that holds nothing back never scans the file again
    assert [lines.get(e.linenum) for e in parse_catalog(data, "fr.po")] == [6, 11] and lines.get(99, 99) == 99
    assert dict(lines) == real(data) and len(lines) == 3  # the header is an entry too
    assert calls == [data]  # scanned once, then kept


# -- rendering: GNU gettext must read what we write as we meant it -----------------------


def _rich_catalog() -> polib.POFile:
    po = _catalog(date="2024-05-01 10:00+0000")
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
    po.header = "French translation of a.md."
    po.append(polib.POEntry(msgid="Plain", msgstr="Simple", occurrences=[("a.md", "1")], comment="paragraph"))
    po.append(polib.POEntry(msgid="Two\nlines", msgstr="Deux\nlignes", tcomment="keep the break"))
    po.append(polib.POEntry(msgid='Quote " and \\ and\ttab', msgstr='Guillemet " et \\ et\ttab'))
    po.append(polib.POEntry(msgid="Menu", msgctxt="nav", msgstr="Menu (nav)"))
    po.append(polib.POEntry(msgid="New text!", msgstr="Vieux", flags=["fuzzy"], previous_msgid="Old text."))
    po.append(polib.POEntry(msgid="one file", msgid_plural="%d files", msgstr_plural={0: "un", 1: "%d"}))
    po.append(polib.POEntry(msgid="Empty", msgstr=""))
    po.append(polib.POEntry(msgid="Gone", msgstr="Parti", obsolete=True))  # polib writes these last
    return po


def _msgfmt_messages(data: bytes, tmp: Path) -> dict[tuple[str | None, str], str | dict[int, str]]:
    """The messages msgfmt compiles from ``data``, read back with msgunfmt."""
    source, compiled = tmp / "in.po", tmp / "out.mo"
    source.write_bytes(data)
    done = subprocess.run(
        [need_tool("msgfmt"), "--check", "-o", str(compiled), str(source)], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    shown = subprocess.run([need_tool("msgunfmt"), str(compiled)], capture_output=True, check=True).stdout
    return {
        (e.msgctxt, e.msgid): e.msgstr_plural or e.msgstr for e in parse_catalog(shown, "msgunfmt output") if e.msgid
    }


def test_msgfmt_compiles_a_rendered_catalog_to_the_translations_it_holds(tmp_path: Path) -> None:
    po = _rich_catalog()
    compiled = _msgfmt_messages(render_catalog(po), tmp_path)
    # msgfmt leaves out fuzzy, empty and obsolete entries; every other one must come out as written.
    assert compiled == {
        (None, "Plain"): "Simple",
        (None, "Two\nlines"): "Deux\nlignes",
        (None, 'Quote " and \\ and\ttab'): 'Guillemet " et \\ et\ttab',
        ("nav", "Menu"): "Menu (nav)",
        (None, "one file"): {0: "un", 1: "%d"},
    }


def test_a_rendered_catalog_reads_back_entry_for_entry() -> None:
    po = _rich_catalog()
    again = parse_catalog(render_catalog(po), "fr.po")
    fields = ("msgctxt", "msgid", "msgstr", "msgid_plural", "msgstr_plural", "flags", "previous_msgid", "tcomment")
    assert [[getattr(e, f) for f in fields] + [bool(e.obsolete)] for e in again] == [
        [getattr(e, f) for f in fields] + [bool(e.obsolete)] for e in po
    ]
    assert render_catalog(again) == render_catalog(po)
    assert render_catalog(po).endswith(b"\n")


# -- writing -----------------------------------------------------------------------------


def test_catalog_changes_is_none_for_the_bytes_the_file_already_holds() -> None:
    po = _catalog(("One", "Un"))
    assert catalog_changes(render_catalog(po), po) is None


def test_a_new_file_keeps_the_date_the_catalog_was_built_with(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    po = _catalog(("One", "Un"))
    assert catalog_changes(None, po) == render_catalog(po)


def test_a_changed_file_gets_a_new_creation_date_and_the_catalog_stays_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = render_catalog(_catalog(("One", "")))
    po = _catalog(("One", "Un"))
    rendered = render_catalog(po)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    data = catalog_changes(before, po)
    assert data is not None
    assert b'"POT-Creation-Date: 2026-01-01 00:00+0000\\n"' in data
    assert data.replace(b"2026-01-01 00:00", b"2024-05-01 10:00") == rendered
    assert po.metadata["POT-Creation-Date"] == "2024-05-01 10:00+0000"
    assert render_catalog(po) == rendered


def test_an_unchanged_catalog_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    po = _catalog(("One", "Un"))
    path.write_bytes(render_catalog(po))
    before = path.stat()
    assert write_catalog(path, po, based_on=path.read_bytes()) is False
    after = path.stat()
    # Not even replaced by an identical copy: build tools and editors see no change.
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_changed_catalog_is_written_with_a_new_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_catalog(("One", ""))))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    assert write_catalog(path, _catalog(("One", "Un")), based_on=path.read_bytes()) is True
    written = read_catalog(path, "a.po")
    assert written.find("One").msgstr == "Un"
    assert written.metadata["POT-Creation-Date"] == "2026-01-01 00:00+0000"


def test_a_new_catalog_is_written_where_there_was_no_file(tmp_path: Path) -> None:
    path = tmp_path / "fr" / "a.po"
    po = _catalog(("One", "Un"))
    assert write_catalog(path, po, based_on=None) is True
    assert path.read_bytes() == render_catalog(po)


def test_a_save_made_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_catalog(("One", ""))))
    read = path.read_bytes()
    path.write_bytes(render_catalog(_catalog(("One", "Un"))))  # someone saved meanwhile
    with pytest.raises(StaleWriteError):
        write_catalog(path, _catalog(("One", "Uno")), based_on=read)
    assert b'msgstr "Un"' in path.read_bytes()
    assert write_catalog(path, _catalog(("One", "Uno")), based_on=path.read_bytes())
    assert b'msgstr "Uno"' in path.read_bytes()


def test_entries_rendered_already_are_not_rendered_again(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_catalog(("One", ""))))
    po = _catalog(("One", "Un"))
    entries = rendered_entries(po)
    assert catalog_changes(path.read_bytes(), po, entries) == catalog_changes(path.read_bytes(), po)
    # A marker only the given text holds shows that it is what was written.
    assert write_catalog(path, po, based_on=path.read_bytes(), entries=entries + "# given\n") is True
    assert path.read_bytes().endswith(b'msgstr "Un"\n# given\n')
    assert render_catalog(po).endswith(entries.encode())


def test_a_save_made_meanwhile_is_never_replaced_by_entries_rendered_before(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_catalog(("One", ""))))
    read = path.read_bytes()
    po = _catalog(("One", "Un"))
    entries = rendered_entries(po)
    path.write_bytes(render_catalog(po))  # someone saved what the plan holds meanwhile
    assert write_catalog(path, po, based_on=read, entries=entries) is False
    path.write_bytes(render_catalog(_catalog(("One", "Uno"))))  # and then something else
    with pytest.raises(StaleWriteError):
        write_catalog(path, po, based_on=read, entries=entries)
    assert b'msgstr "Uno"' in path.read_bytes()


def test_planned_bytes_are_written_as_planned_and_never_over_a_save(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_catalog(("One", ""))))
    read = path.read_bytes()
    po = _catalog(("One", "Un"))
    planned = catalog_changes(read, po)
    assert planned is not None
    # A marker only the planned bytes hold shows they are written, not rendered again.
    assert write_catalog(path, po, based_on=read, planned=planned + b"# planned\n") is True
    assert path.read_bytes() == planned + b"# planned\n"
    path.write_bytes(render_catalog(_catalog(("One", "Uno"))))  # someone saved after the plan
    with pytest.raises(StaleWriteError):
        write_catalog(path, po, based_on=read, planned=planned)
    assert b'msgstr "Uno"' in path.read_bytes()
    new = tmp_path / "b.po"
    new.write_bytes(b"created meanwhile")
    with pytest.raises(StaleWriteError):
        write_catalog(new, po, based_on=None, planned=planned)
    assert new.read_bytes() == b"created meanwhile"


def test_a_file_created_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_catalog(("One", "Un"))))
    with pytest.raises(StaleWriteError):
        write_catalog(path, _catalog(("One", "Uno")), based_on=None)
    assert b'msgstr "Un"' in path.read_bytes()
    assert not [p for p in os.listdir(tmp_path) if p != "a.po"], "a temporary file was left behind"


def test_a_new_tool_version_alone_does_not_rewrite_a_translators_file() -> None:
    old = _catalog(("Hello", "Bonjour"))
    old.metadata["X-Generator"] = "translate-flow 0.1.0"
    before = render_catalog(old)
    same = _catalog(("Hello", "Bonjour"))
    same.metadata["X-Generator"] = "translate-flow 9.9.9"
    assert catalog_changes(before, same) is None
    changed = _catalog(("Hello", "Salut"))
    changed.metadata["X-Generator"] = "translate-flow 9.9.9"
    data = catalog_changes(before, changed)
    assert data is not None and b"X-Generator: translate-flow 9.9.9" in data and b"Salut" in data


@pytest.mark.parametrize("tail", ["#,", "#:", "#.", "#", "# a note", "#, fuzzy", "#: a.md:3", "#,\n\n#.\n"])
def test_comment_lines_after_the_last_message_never_cost_it(tail: str, tmp_path: Path) -> None:
    # polib alone drops "Second" when the file ends with an empty `#,`, `#:` or `#.` line.
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "First"\nmsgstr "Premier"\n\nmsgid "Second"\nmsgstr "Second FR"\n' + tail + "\n"
    )
    path = tmp_path / "fr.po"
    path.write_text(text, encoding="utf-8")
    # GNU gettext, the reference, keeps both messages.
    kept_by_msgcat = subprocess.run([need_tool("msgcat"), str(path)], capture_output=True, text=True, check=True).stdout
    assert 'msgid "Second"' in kept_by_msgcat
    po = parse_catalog(text.encode("utf-8"), "fr.po")
    assert [(e.msgid, e.msgstr) for e in po] == [("First", "Premier"), ("Second", "Second FR")]


def test_a_file_of_comments_only_keeps_them() -> None:
    text = "# Only a comment\n#, fuzzy\n"
    assert without_trailing_comments(text) == text
