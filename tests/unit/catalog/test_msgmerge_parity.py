"""Differential test: our update rules against GNU ``msgmerge --previous`` on random catalogs.

Both get the same old catalog and the same new template. Where both take an entry's
translation from the same old entry (the same text, a fuzzy match on the same one, or
none), the translator's comment, the flags, the previous context and text, and the
translation must agree; so must the obsolete entries both keep. Entries whose fuzzy
match differs (msgmerge may use one old entry for several new ones, we use each once;
we also match a changed text of the same msgctxt) are left out, and the test checks
that enough entries are compared for it to mean something.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import need_tool
from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.flags import family
from translate_flow.catalog.io import parse_catalog, render_catalog
from translate_flow.catalog.update import build_catalog
from translate_flow.languages import parse_language

SENTENCES = [
    "The library opens at nine every morning",
    "Members can borrow ten books at a time",
    "Returns go in the box beside the door",
    "The reading room is quiet after six",
    "Children read together on Saturday afternoons",
    "Printing costs ten cents for every page",
]
SWAPS = ["eight", "twelve", "quickly", "often", "garden", "Sunday"]
FLAGS = ["c-format", "no-c-format", "python-format", "no-wrap"]


@dataclass
class Tally:
    """What the examples compared, so that the test cannot pass by comparing nothing."""

    examples: int = 0
    fuzzy_compared: int = 0
    exact_compared: int = 0
    obsolete_compared: int = 0
    fuzzy_skipped: int = 0


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.sampled_from(SENTENCES)).split()
    for _ in range(draw(st.integers(0, 2))):
        words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(SWAPS))
    return " ".join(words)


@st.composite
def old_entries(draw: st.DrawFn) -> list[polib.POEntry]:
    entries: dict[Key, polib.POEntry] = {}
    for number in range(draw(st.integers(2, 7))):
        msgid = draw(texts())
        msgctxt = draw(st.sampled_from([None, None, None, "title", "note"]))
        # Each translation tells which old entry it came from.
        msgstr = draw(st.sampled_from(["", f"Traduit {number} : {msgid.lower()}"]))
        flags = [f for f in draw(st.lists(st.sampled_from(FLAGS), max_size=2, unique=True))]
        if "c-format" in flags and "no-c-format" in flags:
            flags.remove("no-c-format")
        if msgstr and draw(st.booleans()):
            flags.insert(draw(st.integers(0, len(flags))), "fuzzy")
        entry = polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            msgstr=msgstr,
            flags=flags,
            tcomment=draw(st.sampled_from(["", "Ana: keep it short", "first line\nsecond line"])),
            obsolete=bool(msgstr) and draw(st.integers(0, 3)) == 0,
        )
        if "fuzzy" in flags and draw(st.booleans()):
            entry.previous_msgid = draw(texts())
        entries.setdefault(entry_key(entry), entry)
    return list(entries.values())


@st.composite
def templates(draw: st.DrawFn, old: list[polib.POEntry]) -> list[polib.POEntry]:
    decides = draw(st.booleans())
    entries: dict[Key, polib.POEntry] = {}
    for number in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["same", "changed", "new"]))
        if kind == "new" or not old:
            msgctxt, msgid = None, draw(texts())
        else:
            base = draw(st.sampled_from(old))
            msgctxt, msgid = base.msgctxt, base.msgid
            if kind == "changed":
                words = msgid.split()
                words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(SWAPS))
                msgid = " ".join(words)
        flags = [draw(st.sampled_from(["c-format", "no-c-format"]))] if decides else []
        if decides and draw(st.booleans()):
            flags.append("no-wrap")
        entry = polib.POEntry(
            msgctxt=msgctxt, msgid=msgid, msgstr="", flags=flags, occurrences=[("a.md", str(number + 1))]
        )
        entries.setdefault(entry_key(entry), entry)
    return list(entries.values())


def _catalog(entries: list[polib.POEntry], language: str) -> bytes:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language}
    for entry in entries:
        po.append(entry)
    return render_catalog(po)


def _source(entry: polib.POEntry, old: dict[Key, polib.POEntry]) -> Key | None:
    """Which old entry ``entry`` took its translation from: the same key, else the one
    whose translation it holds (each is unique), or none."""
    if entry_key(entry) in old:
        return entry_key(entry)
    return next((key for key, e in old.items() if entry.msgstr and e.msgstr == entry.msgstr), None)


def _flags(entry: polib.POEntry, decided: bool) -> set[str]:
    # gettext writes no fuzzy mark without a translation. Where the template states no
    # format or wrap flag, msgmerge drops the translator's and we keep them (compared apart).
    flags = {f for f in entry.flags if f != "fuzzy" or entry.msgstr}
    if not decided:
        flags = {f for f in flags if not family(f).startswith("format:") and family(f) != "wrap"}
    return flags


def _compare(ours: polib.POEntry, theirs: polib.POEntry, decided: bool) -> None:
    assert ours.msgstr == theirs.msgstr
    assert ours.tcomment == theirs.tcomment
    assert _flags(ours, decided) == _flags(theirs, decided)
    assert (ours.previous_msgctxt, ours.previous_msgid) == (theirs.previous_msgctxt, theirs.previous_msgid)


def _check(
    old_list: list[polib.POEntry], template: list[polib.POEntry], folder: Path, tally: Tally, msgmerge: str
) -> None:
    old_data, pot_data = _catalog(old_list, "fr"), _catalog(template, "")
    (folder / "old.po").write_bytes(old_data)
    (folder / "new.pot").write_bytes(pot_data)
    done = subprocess.run(
        [msgmerge, "--previous", "--no-wrap", "-q", "-o", "-", "old.po", "new.pot"],
        cwd=folder,
        capture_output=True,
        check=True,
    )
    theirs = {entry_key(e): e for e in parse_catalog(done.stdout, "msgmerge")}
    old = parse_catalog(old_data, "old.po")
    entries = [e for e in parse_catalog(pot_data, "new.pot") if e.msgid]
    po, _ = build_catalog(entries, parse_language("fr"), "p", old, 0)
    decided = any(entry.flags for entry in template)
    old_keys = {entry_key(e): e for e in old}
    tally.examples += 1
    ours_used = {_source(e, old_keys) for e in po if not e.obsolete}
    theirs_used = {_source(e, old_keys) for e in theirs.values() if not e.obsolete}
    for key, other in theirs.items():
        # An old entry msgmerge left obsolete is obsolete here too, unless we took a fuzzy translation from it.
        assert not other.obsolete or key in ours_used or any(e.obsolete and entry_key(e) == key for e in po)
    for entry in po:
        other = theirs.get(entry_key(entry))
        if entry.obsolete:
            if other is None or not other.obsolete:
                assert entry_key(entry) in theirs_used  # msgmerge took a fuzzy translation from it
                tally.fuzzy_skipped += 1
                continue
            _compare(entry, other, True)
            tally.obsolete_compared += 1
            continue
        assert other is not None and not other.obsolete
        source = _source(entry, old_keys)
        if source != _source(other, old_keys):
            tally.fuzzy_skipped += 1
            continue
        _compare(entry, other, decided)
        if source is not None and source != entry_key(entry):
            tally.fuzzy_compared += 1
        elif source is not None:
            tally.exact_compared += 1
        if not decided and source is not None:
            # Our deviation: a template that states no format or wrap flag keeps the translator's.
            kept = {f for f in old_keys[source].flags if family(f).startswith("format:") or family(f) == "wrap"}
            assert kept <= set(entry.flags)


def test_updates_agree_with_msgmerge_previous(tmp_path: Path) -> None:
    msgmerge = need_tool("msgmerge")
    tally = Tally()

    @settings(max_examples=80)
    @given(st.data())
    def compare(data: st.DataObject) -> None:
        old = data.draw(old_entries())
        template = data.draw(templates(old))
        _check(old, template, tmp_path, tally, msgmerge)

    compare()
    assert tally.examples >= 40
    # Enough of each kind was compared for agreement to mean something.
    assert tally.fuzzy_compared >= 15, tally
    assert tally.exact_compared >= 30, tally
    assert tally.obsolete_compared >= 15, tally
    assert tally.fuzzy_skipped <= tally.fuzzy_compared + tally.exact_compared, tally
