"""A glossary as the rest of the code reads it: frozen entries, one per concept."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from translate_flow.errors import ConfigError
from translate_flow.languages import matching_language

__all__ = ["Glossary", "GlossaryError", "Term", "TermPair"]


class GlossaryError(ConfigError):
    """A glossary file that cannot be read: ``path:line: what is wrong``."""


@dataclass(frozen=True)
class Term:
    """One concept: how each language writes it."""

    texts: tuple[tuple[str, str], ...]
    """(language code, term) for each language that has an entry."""
    note: str
    """A note for translators and engines; empty when there is none."""
    case_sensitive: bool
    """True when the term is found only with its exact capitals."""
    dnt: bool
    """True for a "do not translate" term: every language keeps the source term as it is."""
    line: int
    """The 1-based line of the entry in the glossary file."""

    def text(self, language: str) -> str | None:
        return dict(self.texts).get(language)


@dataclass(frozen=True)
class TermPair:
    """A term of the source language and what it must become in one target language."""

    term: str
    """The term as the source language writes it."""
    translation: str
    """The translation the glossary asks for (the term itself for a "do not translate" term)."""
    note: str
    """The glossary's note, if any."""
    case_sensitive: bool
    """True when capitals count when the term and its translation are looked for."""
    dnt: bool
    """True for a "do not translate" term."""


@dataclass(frozen=True)
class Glossary:
    """Every entry of the project's glossary file."""

    path: str
    """The file, relative to the project root."""
    languages: tuple[str, ...]
    """The language codes its columns (or language sets) give, canonical."""
    terms: tuple[Term, ...]
    """The entries, in file order."""
    digest: str
    """A digest of the file's bytes (and of how its languages map to the project's), for caches
    whose results depend on it."""
    unused: tuple[str, ...] = ()
    """Languages of the file that mean no language of the project: their terms serve nothing."""
    project: tuple[str, ...] = ()
    """The project's languages its languages were matched against (``for_project``)."""

    def for_project(self, project: Iterable[str]) -> Glossary:
        """The glossary with each of its languages named as the project language it means
        (``languages.matching_language``: a ``ja`` column serves ``ja-JP``); a language the
        file names exactly is preferred over one that only means it (``fr-FR`` over ``fr``)."""
        wanted = tuple(dict.fromkeys(project))
        meant = {code: matching_language(code, wanted) for code in self.languages}
        claimed = {code: code for code in self.languages if meant[code] == code}
        for code in self.languages:
            target = meant[code]
            if target is not None and code not in claimed and target not in claimed.values():
                claimed[code] = target
        terms = tuple(
            replace(term, texts=tuple((claimed.get(code, code), text) for code, text in term.texts))
            for term in self.terms
        )
        mapping = sorted(claimed.items())
        return replace(
            self,
            languages=tuple(claimed.get(code, code) for code in self.languages),
            terms=terms,
            digest=hashlib.sha256(f"{self.digest} {mapping}".encode()).hexdigest(),
            unused=tuple(code for code in self.languages if code not in claimed),
            project=wanted,
        )

    def pairs(self, source: str, target: str) -> tuple[TermPair, ...]:
        """The terms ``source`` has and what each must become in ``target`` (none where ``target`` has no entry)."""
        found: list[TermPair] = []
        for term in self.terms:
            original = term.text(source)
            if original is None:
                continue
            translation = original if term.dnt else term.text(target)
            if translation is None:
                continue
            found.append(TermPair(original, translation, term.note, term.case_sensitive, term.dnt))
        return tuple(found)

    def source_terms(self, source: str) -> int:
        """How many entries give a term in ``source``."""
        return sum(1 for term in self.terms if term.text(source) is not None)
