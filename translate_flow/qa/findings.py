"""Checks: pure functions that look at catalogs and entries and yield findings.

Each finding has a check name and a gate category. The gate (see ``Gate``)
decides which findings fail the build; the others are warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.update import has_translation
from translate_flow.config.schema import CHECK_MIN_PERCENT
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.link_definitions import NO_DEFINITIONS, Definitions
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.languages import parse_language
from translate_flow.mt.apply_drafts import MT_NOTE
from translate_flow.mt.cache import drafted
from translate_flow.mt.protect import without_markup
from translate_flow.qa.counts import Counts, count_words, is_translated, unmatched_entries
from translate_flow.qa.finding import Finding
from translate_flow.qa.names import DEFAULT_FAIL_ON
from translate_flow.qa.scripts import foreign_script, script_name
from translate_flow.qa.validate import problems, switched_off
from translate_flow.textutil import has_words


def about(
    entry: polib.POEntry,
    rel: str,
    line: int | None,
    check: str,
    category: str,
    message: str,
    language: str | None,
    percent: float | None = None,
) -> Finding:
    """A finding about one entry, carrying what a team needs to find the unit in any tool."""
    references = tuple(f"{path}:{number}" if number else path for path, number in entry.occurrences)
    return Finding(rel, line, check, category, message, language, percent, entry.msgid, entry.msgctxt, references)


@dataclass(frozen=True)
class Gate:
    """Which findings fail the check."""

    fail_on: frozenset[str] = DEFAULT_FAIL_ON
    """Categories (or check names) that fail."""
    min_percent: float = CHECK_MIN_PERCENT.default
    """Untranslated and fuzzy entries fail only while a file is below this share (``[check] min_percent``)."""
    language_min_percent: dict[str, float] = field(default_factory=dict)
    """Per-language override of ``min_percent``."""
    disabled: frozenset[str] = frozenset()
    """Check names switched off entirely."""

    def fails(self, finding: Finding) -> bool:
        if finding.category not in self.fail_on and finding.check not in self.fail_on:
            return False
        if finding.category in ("untranslated", "fuzzy") and finding.percent is not None:
            wanted = self.language_min_percent.get(finding.language or "", self.min_percent)
            return finding.percent < wanted
        return True


def catalog_findings(
    po: polib.POFile,
    rel: str,
    language: str,
    counts: Counts,
    lines: Mapping[int, int] | None = None,
    keys: Collection[Key] | None = None,
) -> Iterator[Finding]:
    """Untranslated, fuzzy and obsolete entries of one PO file, one finding per kind, at the first
    such entry's msgstr (``lines``: msgstr line by entry line, from ``catalog.io.msgstr_lines``;
    ``keys``: the source's texts, as ``counts`` was counted against)."""
    lines = lines or {}

    def untranslated(entry: polib.POEntry) -> bool:
        return not has_translation(entry)

    def fuzzy(entry: polib.POEntry) -> bool:
        return has_translation(entry) and not is_translated(entry)

    kinds: tuple[tuple[str, int, Callable[[polib.POEntry], bool]], ...] = (
        ("untranslated", counts.untranslated, untranslated),
        ("fuzzy", counts.fuzzy, fuzzy),
    )
    for kind, number, pick in kinds:
        if number:
            message = f"{number} of {counts.total} entries {kind} ({counts.percent:.0f}% translated)"
            first = next((e for e in po if not e.obsolete and e.msgid and pick(e) and _counted(e, keys)), None)
            if first is None:
                # Only texts the catalog lacks (edited by hand since extract): no entry to point at.
                present = {entry_key(e) for e in po if not e.obsolete}
                ctxt, msgid = min((k for k in keys or () if k not in present), key=lambda k: (k[1], k[0] or ""))
                message += "; the file has no entry for a text of the source: run `translate-flow extract --force`"
                yield Finding(rel, None, kind, kind, message, language, counts.percent, msgid, ctxt)
                continue
            line = lines.get(first.linenum, first.linenum)
            yield about(first, rel, line, kind, kind, message, language, counts.percent)
    if counts.obsolete:
        first = next(e for e in po if e.obsolete)
        yield about(first, rel, first.linenum, "obsolete", "obsolete", f"{counts.obsolete} obsolete entries", language)


def _counted(entry: polib.POEntry, keys: Collection[Key] | None) -> bool:
    return keys is None or entry_key(entry) in keys


def unmatched_findings(
    po: polib.POFile, rel: str, language: str, keys: Collection[Key] | None, lines: Mapping[int, int]
) -> Iterator[Finding]:
    """A warning per live entry that matches no text of the source: nothing looks it up."""
    for entry in unmatched_entries(po, keys):
        line = lines.get(entry.linenum, entry.linenum)
        message = "matches no text of the source (msgctxt and msgid together); merge never uses it"
        yield about(entry, rel, line, "unmatched", "obsolete", message, language)


def entry_findings(
    entry: polib.POEntry,
    rel: str,
    language: str,
    disabled: Iterable[str] = (),
    math: Markup = DEFAULT_MATH,
    line: int | None = None,
    shortcodes: ShortcodeParams = BUILT_IN,
    pages: Sequence[Definitions] = (NO_DEFINITIONS,),
) -> Iterator[Finding]:
    """A translation that would change its page beyond the words (the validator's problems), and copies.

    ``line`` is the msgstr's line, where msgfmt would point; the entry's first line otherwise.
    ``pages`` holds the link reference definitions of each page the text stands in (as
    ``merge`` reads it there); a problem in any of them is reported once.
    """
    if entry.obsolete or not entry.msgstr:
        return
    off = switched_off(entry.flags, disabled)
    where = line or entry.linenum
    kinds = entry.comment.split("\n")
    found = [
        p
        for definitions in pages
        for p in problems(entry.msgid, entry.msgstr, kinds, off, math, shortcodes, definitions)
    ]
    for problem in dict.fromkeys(found):
        yield about(entry, rel, where, problem.check, "broken", problem.message, language)
    if "copy" not in off and entry.msgstr == entry.msgid and "fuzzy" not in entry.flags:
        plain = without_markup(entry.msgid)
        if has_words(plain) and count_words(plain) >= 3:
            yield about(entry, rel, where, "copy", "copy", "the translation is a copy of the source", language)
    script = foreign_script(entry.msgid, entry.msgstr, language) if "script" not in off else None
    if script is not None:
        name = parse_language(language).display_name
        message = f"the translation is mostly in {script_name(script)} script, which {name} is not written in"
        yield about(entry, rel, where, "script", "script", message, language)


def po_level_findings(
    po: polib.POFile, rel: str, language: str | None, lines: Mapping[int, int] | None = None
) -> Iterator[Finding]:
    """What GNU msgfmt --check rejects beyond syntax: line-end mismatches, at the msgstr as msgfmt says."""
    lines = lines or {}
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        for where, test in (("end", str.endswith), ("start", str.startswith)):
            if test(entry.msgid, "\n") != test(entry.msgstr, "\n"):
                message = f"msgid and msgstr must both {where} with a newline, or neither"
                line = lines.get(entry.linenum, entry.linenum)
                yield about(entry, rel, line, "po-newline", "invalid", message, language)


def unreviewed_findings(
    po: polib.POFile,
    rel: str,
    language: str,
    drafts: tuple[Path, Path],
    sources: Iterable[str],
    lines: Mapping[int, int],
) -> Iterator[Finding]:
    """A warning per entry someone marked reviewed (no longer fuzzy) without touching it: it still
    holds the draft pretranslate wrote (recorded in the MT cache; ``drafts``: the project root and
    the cache's path; ``sources``: the languages its texts were translated from) and its note."""
    candidates = [
        entry
        for entry in po
        if not entry.obsolete
        and entry.msgstr
        and not entry.msgid_plural
        and "fuzzy" not in entry.flags
        and MT_NOTE.search(entry.tcomment or "")
    ]
    texts = {entry.msgid for entry in candidates}
    written = {text: draft for source in sources for text, draft in drafted(*drafts, source, language, texts).items()}
    for entry in candidates:
        if written.get(entry.msgid) == entry.msgstr:
            message = "still the machine draft, unedited, though no longer fuzzy; review it and remove the note"
            line = lines.get(entry.linenum, entry.linenum)
            yield about(entry, rel, line, "unreviewed", "unreviewed", message, language)
