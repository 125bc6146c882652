"""Bringing aligned translations into a catalog, in memory (the step writes the file).

Which entries take a page's translation:

- an empty entry, or a fuzzy one (a guess: the human's page wins over it);
- an entry with another reviewed translation only with ``replace``; otherwise it is kept
  and counted as a conflict, so that no one's reviewed work is replaced by surprise;
- an entry with the same translation already is left as it is (a second import changes nothing).

An imported entry is reviewed, or fuzzy with ``fuzzy``, and carries the translator comment
``imported from <page>:<line>``. A translation that would change the page's structure
(``qa.validate``), or whose pairing was a guess between neighbours (``Alignment.doubtful``),
is imported fuzzy whatever ``fuzzy`` says, so merge never publishes it unreviewed.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import polib

from translate_flow.adopt.align import Alignment
from translate_flow.catalog.update import index
from translate_flow.config import Config
from translate_flow.document.segment import Segment
from translate_flow.qa.validate import problems, switched_off

__all__ = ["FillCounts", "fill_catalog", "fill_in_place", "mark_imported", "origin_comment"]


@dataclass(frozen=True)
class FillCounts:
    """What importing one page did to its catalog."""

    entries: int
    """Entries of the source (distinct texts) in the catalog."""
    imported: int
    """Entries given the page's translation."""
    already: int
    """Entries that already held exactly the page's translation."""
    conflicts: int
    """Entries with another reviewed translation, kept (no ``replace``)."""
    broken: int
    """Imported entries made fuzzy because their translation would change the page's structure."""
    doubtful: int
    """Imported entries made fuzzy because a neighbouring text could have been their partner."""
    unpaired: int
    """Entries no text of the page was paired with; they stay as they were."""
    inconsistent: int
    """Texts the page translates in two different ways (the first one is taken)."""


def origin_comment(page_rel: str, line: int) -> str:
    return f"imported from {page_rel}:{line}"


def fill_catalog(
    config: Config,
    po: polib.POFile,
    source: Sequence[Segment],
    page: Sequence[Segment],
    alignment: Alignment,
    page_rel: str,
    *,
    fuzzy: bool = False,
    replace: bool = False,
) -> tuple[polib.POFile, FillCounts]:
    """A copy of ``po`` with the page's translations brought in, and what was done."""
    po = copy.deepcopy(po)
    return po, fill_in_place(config, po, source, page, alignment, page_rel, fuzzy=fuzzy, replace=replace)


def fill_in_place(
    config: Config,
    po: polib.POFile,
    source: Sequence[Segment],
    page: Sequence[Segment],
    alignment: Alignment,
    page_rel: str,
    *,
    fuzzy: bool = False,
    replace: bool = False,
) -> FillCounts:
    """``fill_catalog`` on ``po`` itself (import fills one shared catalog from many pages)."""
    entries = index(po)
    kinds: dict[str, set[str]] = {}
    for segment in source:
        kinds.setdefault(segment.text, set()).add(segment.kind)
    chosen: dict[str, tuple[str, int, bool]] = {}
    inconsistent = 0
    for i, j in alignment.pairs:
        msgid, found = source[i].text, page[j]
        if msgid not in chosen:
            chosen[msgid] = (found.text, found.location.line, (i, j) in alignment.doubtful)
        elif chosen[msgid][0] != found.text:
            inconsistent += 1
    imported = already = conflicts = broken = doubtful = 0
    for msgid, (text, line, guess) in chosen.items():
        entry = entries.get((None, msgid))
        if entry is None or entry.obsolete:
            continue
        reviewed = bool(entry.msgstr) and "fuzzy" not in entry.flags
        faulty = _faulty(config, msgid, text, kinds.get(msgid, set()), entry.flags)
        if entry.msgstr == text and (reviewed or fuzzy or faulty or guess):
            already += 1  # never made fuzzy again: a reviewer may have accepted it
            continue
        if reviewed and not replace:
            conflicts += 1
            continue
        _set(entry, text, origin_comment(page_rel, line), fuzzy or faulty or guess)
        imported += 1
        broken += faulty
        doubtful += guess and not faulty
    total = len(kinds)
    unpaired = total - len(chosen)
    return FillCounts(total, imported, already, conflicts, broken, doubtful, unpaired, inconsistent)


def _faulty(config: Config, msgid: str, msgstr: str, kinds: Collection[str], flags: list[str]) -> bool:
    off = switched_off(flags, config.check.disable)
    return bool(problems(msgid, msgstr, kinds, off, config.math, config.shortcodes))


def _set(entry: polib.POEntry, text: str, comment: str, fuzzy: bool) -> None:
    entry.msgstr = text
    mark_imported(entry, comment, fuzzy)


def mark_imported(entry: polib.POEntry, comment: str, fuzzy: bool) -> None:
    """Mark an entry given an imported translation: reviewed or fuzzy, no previous msgid (the
    translation is for this text), and ``comment`` in place of an earlier import's."""
    entry.previous_msgid = None
    entry.previous_msgid_plural = None
    entry.previous_msgctxt = None
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    if not fuzzy and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    lines = entry.tcomment.splitlines() if entry.tcomment else []
    # A comment from an earlier import of another page says where the old text came from;
    # the entry now holds this page's text.
    lines = [line for line in lines if not line.startswith("imported from ")]
    entry.tcomment = "\n".join([*lines, comment])
