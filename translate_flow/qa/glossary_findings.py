"""The ``glossary`` finding: the source text uses a glossary term, its translation lacks the term's translation.

A warning unless ``[check] fail_on`` names ``glossary``. Fuzzy entries are looked at
too, as the validator looks at them (``merge --include-fuzzy`` publishes them); an
entry flagged ``no-glossary-check`` is skipped. How a term is found is in
``glossary.match``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

import polib

from translate_flow.glossary.match import missing_translations
from translate_flow.glossary.model import Glossary, TermPair
from translate_flow.qa.finding import Finding
from translate_flow.qa.findings import about
from translate_flow.qa.validate import switched_off

__all__ = ["glossary_findings", "glossary_message", "unused_language_findings", "unused_language_message"]


def _quoted(term: str) -> str:
    # As written: repr() would show a zero-width non-joiner (Persian شورت‌کد) as \u200c.
    return f"“{term}”"


def glossary_message(pair: TermPair) -> str:
    """The finding's message; the reports put the check's name (``glossary``) before it."""
    if pair.dnt:
        return f"{_quoted(pair.term)} is not translated; the translation should keep {_quoted(pair.translation)}"
    return f"{_quoted(pair.term)} should be translated as {_quoted(pair.translation)}"


def glossary_findings(
    po: polib.POFile,
    rel: str,
    source: str,
    target: str,
    pairs: Sequence[TermPair],
    lines: Mapping[int, int],
    disabled: Collection[str] = (),
) -> Iterator[Finding]:
    """One finding per entry and term whose translation is missing; ``lines`` maps an entry's line to its msgstr's."""
    if not pairs or "glossary" in disabled:
        return
    for entry in po:
        if entry.obsolete or "glossary" in switched_off(entry.flags):
            continue
        msgstrs = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        if not any(msgstrs):
            continue
        for pair in missing_translations(pairs, entry.msgid, msgstrs, source, target):
            line = lines.get(entry.linenum, entry.linenum)
            yield about(entry, rel, line, "glossary", "glossary", glossary_message(pair), target)


def unused_language_message(glossary: Glossary, code: str) -> str:
    """Why the terms of one of the glossary's languages serve nothing, naming its column (or TBX language)."""
    where = f"column {code}" if glossary.path.lower().endswith(".csv") else f"language {code}"
    known = ", ".join(sorted(glossary.project))
    return f"{where} is no language of the project ({known}): its terms are not used"


def unused_language_findings(glossary: Glossary | None) -> Iterator[Finding]:
    """One ``glossary-language`` warning per language of the glossary that means no language of the project."""
    if glossary is None:
        return
    for code in glossary.unused:
        yield Finding(glossary.path, None, "glossary-language", "glossary", unused_language_message(glossary, code))
