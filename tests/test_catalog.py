"""catalog.py on its own: entries from segments, the update rules, reading and writing."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from translate_flow.catalog.io import msgstr_lines, parse_catalog, render_catalog, write_catalog
from translate_flow.catalog.memory import memory_of
from translate_flow.catalog.update import build_catalog, entries_for
from translate_flow.document.segment import Location, Segment
from translate_flow.errors import StaleWriteError
from translate_flow.languages import parse_language

FR = parse_language("fr")


def _segment(text: str, line: int, kind: str = "paragraph") -> Segment:
    return Segment(text, kind, Location(0, len(text), line))


def _old(*entries: tuple[str, str, list[str]]) -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags)))
    return po


def test_a_repeated_text_is_one_entry_with_every_reference_and_kind() -> None:
    (entry,) = entries_for([_segment("Hi", 1), _segment("Hi", 5, "table cell"), _segment("Hi", 5)], "a.md")
    assert entry.occurrences == [("a.md", "1"), ("a.md", "5")]
    assert entry.comment == "paragraph\ntable cell"


def test_update_rules_like_msgmerge_previous() -> None:
    old = _old(("Same", "Pareil", []), ("Old sentence here.", "Ancienne phrase.", []), ("Gone", "Parti", []))
    new = entries_for([_segment("Same", 1), _segment("Old sentence here!", 3), _segment("Brand new", 5)], "a.md")
    po, unmatched = build_catalog(new, FR, "p", old, 0)
    by_id = {e.msgid: e for e in po}
    assert by_id["Same"].msgstr == "Pareil" and not by_id["Same"].fuzzy
    changed = by_id["Old sentence here!"]
    assert changed.msgstr == "Ancienne phrase." and changed.fuzzy and changed.previous_msgid == "Old sentence here."
    assert by_id["Gone"].obsolete and by_id["Gone"].msgstr == "Parti"
    assert unmatched == ["Brand new"]


def test_msgstr_lines_point_at_the_msgstr() -> None:
    data = b'msgid ""\nmsgstr ""\n\n#. paragraph\nmsgid "A"\nmsgstr "B"\n\nmsgid ""\n"two\\n"\n"lines"\nmsgstr "x"\n'
    po = parse_catalog(data, "fr.po")
    lines = msgstr_lines(data)
    assert [lines[e.linenum] for e in po] == [6, 11]


def test_memory_of_skips_unreadable_files_and_fuzzy_when_asked(tmp_path: Path) -> None:
    good = tmp_path / "a.po"
    good.write_bytes(render_catalog(_old(("One", "Un", []), ("Two", "Deux", ["fuzzy"]))))
    (tmp_path / "bad.po").write_text('msgid "unterminated\n')
    assert len(memory_of([good, tmp_path / "bad.po"], include_fuzzy=False)) == 1
    assert len(memory_of([good])) == 2


def test_write_catalog_refuses_to_replace_a_newer_save(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(render_catalog(_old(("One", "", []))))
    read = path.read_bytes()
    path.write_bytes(render_catalog(_old(("One", "Un", []))))  # someone saved meanwhile
    with pytest.raises(StaleWriteError):
        write_catalog(path, _old(("One", "Uno", [])), based_on=read)
    assert b'msgstr "Un"' in path.read_bytes()
    assert write_catalog(path, _old(("One", "Uno", [])), based_on=path.read_bytes())
