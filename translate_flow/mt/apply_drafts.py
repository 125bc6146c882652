"""Drafts into the PO files: fuzzy, with a note, only into entries that are still empty.

A plural entry is drafted whole or not at all: every msgstr[N] from its own unit.

A file is written only if it still holds the bytes it was read from. When a
translator saved it during the run, their save wins: the file is read again and
the drafts go only into the entries that are still empty in it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import polib

from translate_flow.catalog.entry_keys import entry_key
from translate_flow.catalog.io import parse_catalog, write_catalog
from translate_flow.catalog.update import index
from translate_flow.catalog.wrap_width import choose_width
from translate_flow.errors import StaleWriteError, TranslateFlowError
from translate_flow.fsutil import read_regular
from translate_flow.mt.units import PendingCatalog, Unit

__all__ = ["MT_NOTE", "Applied", "apply_drafts"]

MT_NOTE = re.compile(r"^machine translation \((?P<engines>[^)]*)\), please review$", re.MULTILINE)
"""The translator comment a draft comes with (``_mark`` writes it)."""

# A file that keeps changing under us is given up after this many tries, with an error.
_WRITE_TRIES = 3


@dataclass
class Applied:
    """What apply_drafts changed."""

    written: list[str] = field(default_factory=list)
    """Files that received drafts, as their project-relative paths."""
    filled: Counter[str] = field(default_factory=Counter)
    """Entries filled, per target language."""
    errors: list[TranslateFlowError] = field(default_factory=list)


def apply_drafts(catalogs: list[PendingCatalog], wrap: int, explicit: bool) -> Applied:
    """Write each catalog's drafts into it; ``wrap`` is the configured line width, which a
    file saved at another width overrides unless the user set it (``explicit``)."""
    applied = Applied()
    for catalog in catalogs:
        _apply_to(catalog, wrap, explicit, applied)
    return applied


def _apply_to(catalog: PendingCatalog, wrap: int, explicit: bool, applied: Applied) -> None:
    po, entries, plurals, based_on = catalog.po, catalog.entries, catalog.plurals, catalog.data
    for attempt in range(_WRITE_TRIES):
        filled = _fill(entries) + _fill_plurals(plurals)
        if not filled:
            return
        try:
            if write_catalog(catalog.path, po, based_on=based_on):
                applied.written.append(catalog.rel)
            applied.filled.update(filled)
            return
        except StaleWriteError as exc:
            try:
                based_on = read_regular(catalog.path)
                po = parse_catalog(based_on, catalog.rel)
            except (OSError, TranslateFlowError) as error:
                applied.errors.append(TranslateFlowError(f"cannot read again: {error}", catalog.rel))
                return
            po.wrapwidth = choose_width(based_on, po, wrap, explicit)
            current = index(po)
            entries = [
                (current[entry_key(entry)], unit)
                for entry, unit in entries
                if entry_key(entry) in current and not current[entry_key(entry)].obsolete
            ]
            plurals = [
                (current[entry_key(entry)], units)
                for entry, units in plurals
                if entry_key(entry) in current and not current[entry_key(entry)].obsolete
            ]
            if attempt == _WRITE_TRIES - 1:
                applied.errors.append(exc)
        except OSError as exc:
            applied.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", catalog.rel))
            return


def _fill(entries: list[tuple[polib.POEntry, Unit]]) -> list[str]:
    """Put the drafts into still-empty entries; the target language of each one filled."""
    filled: list[str] = []
    for entry, unit in entries:
        if unit.draft is None or entry.msgstr:
            continue
        entry.msgstr = unit.draft
        _mark(entry, [unit])
        filled.append(unit.target)
    return filled


def _fill_plurals(plurals: list[tuple[polib.POEntry, tuple[Unit, ...]]]) -> list[str]:
    """Put the drafts into plural entries whose forms are all still empty, once every form has one."""
    filled: list[str] = []
    for entry, units in plurals:
        if any(unit.draft is None for unit in units) or any(entry.msgstr_plural.values()):
            continue
        if len(units) != len(entry.msgstr_plural):
            continue  # its Plural-Forms changed during the run: the drafts no longer fit
        entry.msgstr_plural = {number: unit.draft or "" for number, unit in enumerate(units)}
        _mark(entry, units)
        filled.append(units[0].target)
    return filled


def _mark(entry: polib.POEntry, units: list[Unit] | tuple[Unit, ...]) -> None:
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    engines = ", ".join(dict.fromkeys(unit.engine or "" for unit in units))
    note = f"machine translation ({engines}), please review"
    entry.tcomment = f"{entry.tcomment}\n{note}" if entry.tcomment else note
