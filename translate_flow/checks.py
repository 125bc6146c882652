"""Checks: pure functions that look at catalogs and entries and yield findings.

Each finding has a check name and a gate category. The gate (see ``Gate``)
decides which findings fail the build; the others are warnings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import polib

from translate_flow.protect import MARKUP
from translate_flow.textutil import has_words

CATEGORIES = ("missing", "stale", "untranslated", "fuzzy", "obsolete", "broken", "copy", "output", "invalid")
DEFAULT_FAIL_ON = frozenset({"missing", "stale", "untranslated", "fuzzy", "broken", "output", "invalid"})
ENTRY_CHECKS = ("link", "image", "code", "emphasis", "shortcode", "footnote", "html", "whitespace", "copy")


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
    """Gate category: one of CATEGORIES."""
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
    min_percent: float = 100.0
    """Untranslated and fuzzy entries fail only while a file is below this share."""
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

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str) -> int:
    """Words a translator has to handle: each CJK character counts as one word, as
    word processors count Asian text; markup (code, URLs, tags) counts as nothing."""
    plain = MARKUP.sub(" ", text)
    cjk = len(_CJK.findall(plain))
    return cjk + len(_WORD.findall(_CJK.sub(" ", plain) if cjk else plain))


def count(po: polib.POFile) -> Counts:
    total = translated = fuzzy = untranslated = obsolete = left = words = 0
    for entry in po:
        if entry.obsolete:
            obsolete += 1
            continue
        total += 1
        size = count_words(entry.msgid)
        words += size
        if not entry.msgstr:
            untranslated += 1
            left += size
        elif "fuzzy" in entry.flags:
            fuzzy += 1
            left += size
        else:
            translated += 1
    return Counts(total, translated, fuzzy, untranslated, obsolete, left, words)


def catalog_findings(po: polib.POFile, rel: str, language: str, counts: Counts) -> Iterator[Finding]:
    """Untranslated, fuzzy and obsolete entries of one PO file, one finding per kind."""

    def untranslated(entry: polib.POEntry) -> bool:
        return not entry.msgstr

    def fuzzy(entry: polib.POEntry) -> bool:
        return bool(entry.msgstr) and "fuzzy" in entry.flags

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


def _parts(text: str) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {
        "link": Counter(),
        "image": Counter(),
        "code": Counter(),
        "shortcode": Counter(),
        "footnote": Counter(),
        "html": Counter(),
    }
    opened: list[str] = []
    for match in MARKUP.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "open":
            opened.append(token)
        elif kind in ("dest", "refdest", "close"):
            image = bool(opened) and opened.pop() == "!["
            if kind != "close":
                found["image" if image else "link"][token] += 1
        elif kind in ("autolink", "url"):
            found["link"][token] += 1
        elif kind in ("code", "shortcode", "footnote", "html"):
            found[kind][token if kind != "html" else token.lower()] += 1
    return found


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def _unbalanced(text: str) -> set[str]:
    plain = MARKUP.sub(" ", text)
    markers = Counter(m.group() for m in re.finditer(r"\*\*|__|~~", plain))
    singles = re.sub(r"\*\*|__|~~", "", plain).count("*")
    odd = {marker for marker, n in markers.items() if n % 2}
    if singles % 2:
        odd.add("*")
    return odd


def _describe(counter: Counter[str]) -> str:
    return ", ".join(sorted(counter.elements()))[:120]


def entry_findings(entry: polib.POEntry, rel: str, language: str, disabled: Iterable[str] = ()) -> Iterator[Finding]:
    """A translation whose Markdown does not match its source."""
    if entry.obsolete or not entry.msgstr:
        return
    off = set(disabled) | {flag[3:-6] for flag in entry.flags if flag.startswith("no-") and flag.endswith("-check")}
    source, target = _parts(entry.msgid), _parts(entry.msgstr)
    names = {
        "link": "links",
        "image": "images",
        "code": "inline code",
        "shortcode": "shortcodes",
        "footnote": "footnote references",
        "html": "HTML tags",
    }
    for check, label in names.items():
        if check in off or source[check] == target[check]:
            continue
        missing, extra = source[check] - target[check], target[check] - source[check]
        detail = "; ".join(
            part
            for part in (
                f"missing {_describe(missing)}" if missing else "",
                f"unexpected {_describe(extra)}" if extra else "",
            )
            if part
        )
        yield Finding(rel, entry.linenum, check, "broken", f"{label} differ from the source: {detail}", language)
    if "emphasis" not in off:
        odd = _unbalanced(entry.msgstr) - _unbalanced(entry.msgid)
        if odd:
            yield Finding(
                rel, entry.linenum, "emphasis", "broken", f"unbalanced emphasis: {', '.join(sorted(odd))}", language
            )
    if "whitespace" not in off and _edges(entry.msgid) != _edges(entry.msgstr):
        yield Finding(
            rel,
            entry.linenum,
            "whitespace",
            "broken",
            "leading or trailing whitespace differs from the source",
            language,
        )
    if "copy" not in off and entry.msgstr == entry.msgid and "fuzzy" not in entry.flags:
        plain = MARKUP.sub(" ", entry.msgid)
        if has_words(plain) and count_words(plain) >= 3:
            yield Finding(rel, entry.linenum, "copy", "copy", "the translation is a copy of the source", language)


def po_level_findings(po: polib.POFile, rel: str, language: str | None) -> Iterator[Finding]:
    """What GNU msgfmt --check rejects beyond syntax: line-end mismatches."""
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        for where, test in (("end", str.endswith), ("start", str.startswith)):
            if test(entry.msgid, "\n") != test(entry.msgstr, "\n"):
                message = f"msgid and msgstr must both {where} with a newline, or neither"
                yield Finding(rel, entry.linenum, "po-newline", "invalid", message, language)
