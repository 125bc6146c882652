"""Changing ``catalogs`` loses no work: a catalog made for the first time takes the
translations its articles had in the files of another granularity.

When extract creates a PO file, it looks for the same articles' PO files under the other
named granularities (``article``, ``section``, ``language``). Their entries for these
articles (by ``#:`` reference; every entry, obsolete ones included, of a file that was one
article's alone) become the "old catalog" of msgmerge's rules, so translations, fuzzy
drafts, previous msgids, flags and translator comments come along exactly as on any update.
A text translated two ways in those files (in two articles' catalogs) keeps the better of
the two (reviewed over fuzzy, the first otherwise) and the other as a translator comment,
``other translation in <file>: <text>``, so no translation is lost. The old files are left
where they are, and named, for the user to delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.io import parse_catalog
from translate_flow.catalog.update import has_translation
from translate_flow.config import Config
from translate_flow.errors import CatalogError
from translate_flow.fsutil import read_regular
from translate_flow.project.catalog_names import PRESETS, catalog_name
from translate_flow.project.discover import po_path

__all__ = ["previous_catalog"]


def _better(new: polib.POEntry, old: polib.POEntry) -> bool:
    """A live reviewed translation beats a fuzzy one, which beats none or an obsolete one."""

    def rank(entry: polib.POEntry) -> tuple[bool, bool, bool]:
        return (has_translation(entry), "fuzzy" not in entry.flags, not entry.obsolete)

    return rank(new) > rank(old)


def _keep_other(winner: polib.POEntry, loser: polib.POEntry, loser_rel: str) -> bool:
    """Keep what the entry set aside holds in the one kept (a catalog holds one entry per
    text): its translator comments, and a different translation as a comment of its own.
    True when the translations differed."""
    lines = winner.tcomment.splitlines() if winner.tcomment else []
    extra = loser.tcomment.splitlines() if loser.tcomment else []
    differs = has_translation(loser) and has_translation(winner) and loser.msgstr != winner.msgstr
    if differs:
        extra.append(f"other translation in {loser_rel}: {loser.msgstr}")
    lines += [line for line in extra if line not in lines]
    winner.tcomment = "\n".join(lines)
    return differs


def previous_catalog(
    config: Config, members: Sequence[tuple[str, str]], language: str, current: Path
) -> tuple[polib.POFile | None, tuple[str, ...], int]:
    """The translations of ``members`` ((rel, stem) of each article) kept in other
    granularities' PO files, as one catalog (None when there are none), those files, and how
    many texts had two different translations there (the other is kept as a comment)."""
    rels = {rel for rel, _ in members}
    whole = {po_path(config, stem, language) for _, stem in members}
    found: list[Path] = []
    for setting in PRESETS:
        for _, stem in members:
            path = po_path(config, catalog_name(setting, stem), language)
            if path != current and path not in found and path.is_file():
                found.append(path)
    entries: dict[Key, polib.POEntry] = {}
    origin: dict[Key, str] = {}
    variants: set[Key] = set()
    used: list[str] = []
    metadata: dict[str, str] = {}
    for path in found:
        rel = path.relative_to(config.root).as_posix()
        try:
            po = parse_catalog(read_regular(path), rel)
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror or exc}", rel) from exc
        took = False
        for entry in po:
            if path not in whole and (entry.obsolete or not any(file in rels for file, _ in entry.occurrences)):
                continue
            key = entry_key(entry)
            if key not in entries:
                entries[key], origin[key] = entry, rel
            elif _better(entry, entries[key]):
                if _keep_other(entry, entries[key], origin[key]):
                    variants.add(key)
                entries[key], origin[key] = entry, rel
            elif _keep_other(entries[key], entry, rel):
                variants.add(key)
            took = True
        if took:
            used.append(rel)
            metadata = metadata or dict(po.metadata)
    if not entries:
        return None, (), 0
    seed = polib.POFile()
    # The headers a translator or an editor keeps (Last-Translator, Language-Team, Plural-Forms).
    seed.metadata = metadata
    for entry in entries.values():
        seed.append(entry)
    return seed, tuple(used), len(variants)
