"""How far a catalog's translations follow the glossary: the status step's glossary columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polib

from translate_flow.catalog.update import has_translation
from translate_flow.glossary.match import missing_translations, used_terms
from translate_flow.glossary.model import TermPair

__all__ = ["GlossaryUse", "glossary_use"]


@dataclass(frozen=True)
class GlossaryUse:
    """Glossary terms in the reviewed (translated, not fuzzy) entries of some catalogs."""

    uses: int = 0
    """Term uses: each term each entry's source text uses, counted once per entry."""
    followed: int = 0
    """Of those, the uses whose translation has the term's translation."""

    def __add__(self, other: GlossaryUse) -> GlossaryUse:
        return GlossaryUse(self.uses + other.uses, self.followed + other.followed)


def glossary_use(po: polib.POFile, source: str, target: str, pairs: Sequence[TermPair]) -> GlossaryUse:
    uses = followed = 0
    if not pairs:
        return GlossaryUse()
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags or not has_translation(entry):
            continue
        used = used_terms(pairs, entry.msgid, source)
        if not used:
            continue
        msgstrs = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        missing = missing_translations(used, entry.msgid, msgstrs, source, target)
        uses += len(used)
        followed += len(used) - len(missing)
    return GlossaryUse(uses, followed)
