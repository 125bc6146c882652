"""Checks: pure functions that look at catalogs and entries and yield findings.

Each finding has a check name and a gate category. The gate (see ``Gate``)
decides which findings fail the build; the others are warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import polib

from translate_flow.catalog.update import has_translation
from translate_flow.config.schema import CHECK_MIN_PERCENT
from translate_flow.document.hugo_markup import DEFAULT_MATH, MathDelimiters
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.languages import parse_language
from translate_flow.mt.protect import MARKUP
from translate_flow.qa.counts import Counts, count_words
from translate_flow.qa.names import DEFAULT_FAIL_ON
from translate_flow.qa.scripts import foreign_script, script_name
from translate_flow.qa.validate import problems, switched_off
from translate_flow.textutil import has_words


@dataclass(frozen=True)
class Finding:
    """One problem in one file."""

    path: str
    """Project-relative file it concerns (PO, POT, article or translated article)."""
    line: int | None
    """1-based line, where there is one."""
    check: str
    """The check's name, e.g. ``missing-po``, ``stale``, ``link``."""
    category: str
    """Gate category: one of ``qa.names.CATEGORIES``."""
    message: str
    """What is wrong, for people."""
    language: str | None = None
    """The target language concerned."""
    percent: float | None = None
    """For untranslated and fuzzy findings: share of the file that is translated."""


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


def catalog_findings(po: polib.POFile, rel: str, language: str, counts: Counts) -> Iterator[Finding]:
    """Untranslated, fuzzy and obsolete entries of one PO file, one finding per kind."""

    def untranslated(entry: polib.POEntry) -> bool:
        return not has_translation(entry)

    def fuzzy(entry: polib.POEntry) -> bool:
        return has_translation(entry) and "fuzzy" in entry.flags

    kinds: tuple[tuple[str, int, Callable[[polib.POEntry], bool]], ...] = (
        ("untranslated", counts.untranslated, untranslated),
        ("fuzzy", counts.fuzzy, fuzzy),
    )
    for kind, number, pick in kinds:
        if number:
            first = next(e for e in po if not e.obsolete and pick(e))
            yield Finding(
                rel,
                first.linenum,
                kind,
                kind,
                f"{number} of {counts.total} entries {kind} ({counts.percent:.0f}% translated)",
                language,
                counts.percent,
            )
    if counts.obsolete:
        first = next(e for e in po if e.obsolete)
        yield Finding(rel, first.linenum, "obsolete", "obsolete", f"{counts.obsolete} obsolete entries", language)


def entry_findings(
    entry: polib.POEntry,
    rel: str,
    language: str,
    disabled: Iterable[str] = (),
    math: MathDelimiters = DEFAULT_MATH,
    line: int | None = None,
    shortcodes: ShortcodeParams = BUILT_IN,
) -> Iterator[Finding]:
    """A translation that would change its page beyond the words (the validator's problems), and copies.

    ``line`` is the msgstr's line, where msgfmt would point; the entry's first line otherwise.
    """
    if entry.obsolete or not entry.msgstr:
        return
    off = switched_off(entry.flags, disabled)
    where = line or entry.linenum
    for problem in problems(entry.msgid, entry.msgstr, entry.comment.split("\n"), off, math, shortcodes):
        yield Finding(rel, where, problem.check, "broken", problem.message, language)
    if "copy" not in off and entry.msgstr == entry.msgid and "fuzzy" not in entry.flags:
        plain = MARKUP.sub(" ", entry.msgid)
        if has_words(plain) and count_words(plain) >= 3:
            yield Finding(rel, where, "copy", "copy", "the translation is a copy of the source", language)
    script = foreign_script(entry.msgid, entry.msgstr, language) if "script" not in off else None
    if script is not None:
        name = parse_language(language).display_name
        message = f"the translation is mostly in {script_name(script)} script, which {name} is not written in"
        yield Finding(rel, where, "script", "script", message, language)


def po_level_findings(po: polib.POFile, rel: str, language: str | None) -> Iterator[Finding]:
    """What GNU msgfmt --check rejects beyond syntax: line-end mismatches."""
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        for where, test in (("end", str.endswith), ("start", str.startswith)):
            if test(entry.msgid, "\n") != test(entry.msgstr, "\n"):
                message = f"msgid and msgstr must both {where} with a newline, or neither"
                yield Finding(rel, entry.linenum, "po-newline", "invalid", message, language)
