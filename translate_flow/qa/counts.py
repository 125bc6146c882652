"""How much of a catalog is translated: entries by state, and the words left to translate.

This is the one counting rule; check, status and merge all count through ``count``:

- an entry is known by its (msgctxt, msgid), as msgfmt and msgmerge know it;
- the entries that count are the source's texts (``source_keys``: the template's entries,
  or the segments merge splices). A source text with no live entry in the catalog counts
  as untranslated; a live entry whose key is no source text is *unmatched*: it counts
  neither way (gettext would never look it up) and check warns about it;
- an entry is translated when it is not fuzzy and has its msgstr, or every msgstr[N] of
  a plural (``is_translated``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.io import read_catalog
from translate_flow.catalog.update import has_translation
from translate_flow.document.segment import Segment
from translate_flow.errors import CatalogError
from translate_flow.mt.protect import without_markup
from translate_flow.project.segment_cache import load_segments

__all__ = [
    "Counts",
    "count",
    "count_words",
    "is_translated",
    "keys_of_template",
    "published_percent",
    "template_keys",
    "unmatched_entries",
]


@dataclass(frozen=True)
class Counts:
    """Entry counts of one catalog."""

    total: int
    """Live entries."""
    translated: int
    """Entries with a msgstr that is not fuzzy."""
    fuzzy: int
    """Entries marked fuzzy."""
    untranslated: int
    """Entries with an empty msgstr."""
    obsolete: int
    """Obsolete entries kept for reuse."""
    words_left: int
    """Words in the source texts of fuzzy and untranslated entries."""
    words_total: int
    """Words in all live source texts."""
    unmatched: int = 0
    """Live entries that match no source text (added by hand or by a tool): not in ``total``."""

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WORD = re.compile(r"\S*[^\W_]\S*")


@lru_cache(maxsize=8192)
def count_words(text: str) -> int:
    """Words a translator has to handle: each CJK character counts as one word, as
    word processors count Asian text; markup (code, URLs, tags) counts as nothing."""
    plain = without_markup(text)
    cjk = len(_CJK.findall(plain))
    return cjk + len(_WORD.findall(_CJK.sub(" ", plain) if cjk else plain))


def is_translated(entry: polib.POEntry, include_fuzzy: bool = False) -> bool:
    """True when the entry holds a translation that counts: every form, and not fuzzy (unless
    ``include_fuzzy``, as ``merge --include-fuzzy`` publishes fuzzy ones)."""
    return has_translation(entry) and (include_fuzzy or "fuzzy" not in entry.flags)


def template_keys(template: polib.POFile) -> frozenset[Key]:
    """The source's texts as a template (POT) lists them: its live entries' keys."""
    return frozenset(entry_key(entry) for entry in template if not entry.obsolete and entry.msgid)


def keys_of_template(pot: Path) -> frozenset[Key] | None:
    """The keys of the template at ``pot``; None when there is none or it cannot be read (then
    every live entry counts, and check reports the template missing or broken)."""
    try:
        return template_keys(read_catalog(pot, pot.name)) if pot.exists() else None
    except CatalogError:
        return None


def keys_of_segments(segments: Iterable[Segment]) -> frozenset[Key]:
    """The catalog keys of an article's texts, as extract lists them in its template."""
    return frozenset((None, segment.text) for segment in segments)


def article_keys(
    root: Path,
    source_digests: Iterable[str],
    pot: Path,
    cached: Callable[[str], Sequence[Segment] | None] | None = None,
) -> frozenset[Key] | None:
    """The texts of a catalog's articles: their segments as extract cached them for these source
    bytes (what merge splices), else the catalog's template entries. ``cached``: the caller's
    ``load_segments`` for ``root`` (``Pages.cached_segments``), when it reads them anyway."""
    keys: set[Key] = set()
    for source_digest in source_digests:
        segments = cached(source_digest) if cached is not None else load_segments(root, source_digest)
        if segments is None:
            return keys_of_template(pot)
        keys.update(keys_of_segments(segments))
    return frozenset(keys)


def unmatched_entries(po: polib.POFile, source_keys: Collection[Key] | None) -> Iterator[polib.POEntry]:
    """Live entries whose (msgctxt, msgid) is none of the source's texts."""
    if source_keys is None:
        return
    for entry in po:
        if not entry.obsolete and entry.msgid and entry_key(entry) not in source_keys:
            yield entry


def count(po: polib.POFile, source_keys: Collection[Key] | None = None, word_counts: bool = True) -> Counts:
    """The catalog's counts against the source's texts; with no ``source_keys`` (no template to
    compare with) every live entry is a source text. Without ``word_counts`` the word totals stay
    0: merge's published share counts entries, and counting words cost it an eighth of its CPU."""
    sized = count_words if word_counts else _no_words
    total = translated = fuzzy = untranslated = obsolete = left = words = unmatched = 0
    seen: set[Key] = set()
    for entry in po:
        if entry.obsolete:
            obsolete += 1
            continue
        key = entry_key(entry)
        if source_keys is not None and (key not in source_keys or key in seen):
            # The header has no key of the source's; a duplicate is an invalid catalog (msgfmt says so).
            unmatched += bool(entry.msgid) and key not in seen
            continue
        seen.add(key)
        total += 1
        size = sized(entry.msgid) + (sized(entry.msgid_plural) if entry.msgid_plural else 0)
        words += size
        # A plural entry counts as translated only with every form.
        if is_translated(entry):
            translated += 1
        elif has_translation(entry):
            fuzzy += 1
            left += size
        else:
            untranslated += 1
            left += size
    for _, msgid in (key for key in source_keys or () if key not in seen):
        # The catalog lacks a text of the source (extract has not run since): untranslated.
        size = sized(msgid)
        total += 1
        untranslated += 1
        words += size
        left += size
    return Counts(total, translated, fuzzy, untranslated, obsolete, left, words, unmatched)


def _no_words(text: str) -> int:
    return 0


def published_percent(counts: Counts, include_fuzzy: bool, held: int) -> float:
    """The share merge publishes: the translated texts (fuzzy ones too with ``include_fuzzy``)
    less the ``held`` ones the validator keeps out of the page."""
    done = counts.translated + (counts.fuzzy if include_fuzzy else 0) - held
    return 100.0 * done / counts.total if counts.total else 100.0
