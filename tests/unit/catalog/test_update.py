"""catalog.update: the msgmerge rules, on polib objects in memory."""

from __future__ import annotations

import polib

from translate_flow.catalog.io import render_catalog
from translate_flow.catalog.update import build_catalog, entries_for
from translate_flow.document.segment import Location, Segment
from translate_flow.languages import parse_language

FR = parse_language("fr")


def _segment(text: str, line: int, kind: str = "paragraph") -> Segment:
    return Segment(text, kind, Location(0, len(text), line))


def _catalog(*entries: tuple[str, str, list[str]]) -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), occurrences=[("a.md", "1")]))
    return po


def test_build_leaves_the_old_catalog_and_the_new_entries_as_they_were() -> None:
    old = _catalog(("Same", "Pareil", []), ("Old sentence here.", "Ancienne phrase.", []), ("Gone", "Parti", []))
    old_bytes = render_catalog(old)
    old_entries = list(old)
    new = entries_for([_segment("Same", 1), _segment("Old sentence here!", 3)], "a.md")
    new_before = [str(entry) for entry in new]

    po, _ = build_catalog(new, FR, "p", old, 0)

    # The result did change what it took over: a kept translation, a fuzzy match, an obsolete entry.
    assert {e.msgid for e in po if e.obsolete} == {"Gone"}
    assert [e.msgid for e in po if e.fuzzy] == ["Old sentence here!"]
    # The inputs did not: the old file renders to the same bytes, and holds the same objects.
    assert render_catalog(old) == old_bytes
    assert list(old) == old_entries and not any(e.obsolete for e in old)
    assert [e.occurrences for e in old] == [[("a.md", "1")]] * 3
    assert [str(entry) for entry in new] == new_before
    # Nor does the result share an entry with them, so changing it later cannot reach them.
    assert not {id(e) for e in po} & {id(e) for e in [*old, *new]}
