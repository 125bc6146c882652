"""One translation unit of a memory, as TMX holds it and as the PO side needs it."""

from __future__ import annotations

from dataclasses import dataclass

from translate_flow.errors import TranslateFlowError

__all__ = ["CONTEXT_PROP", "REFERENCE_PROP", "TmUnit", "TmxError"]

CONTEXT_PROP = "x-context"
"""The prop that carries a msgctxt (Translate Toolkit reads the same one)."""
REFERENCE_PROP = "x-reference"
"""The prop that carries one ``path:line`` reference of the text."""


class TmxError(TranslateFlowError):
    """A TMX file that cannot be read: not XML, not TMX, or a construct refused for safety."""


@dataclass(frozen=True)
class TmUnit:
    """A source text and its translation into one language."""

    source_language: str
    """Language of ``source`` as the file spells it."""
    source: str
    """The source text (a PO msgid)."""
    target_language: str
    """Language of ``target`` as the file spells it."""
    target: str
    """The translation (a PO msgstr)."""
    context: str | None = None
    """The msgctxt that tells identical texts apart, if any."""
    references: tuple[str, ...] = ()
    """Where the text occurs, ``path:line`` as in PO ``#:`` lines."""
    notes: tuple[str, ...] = ()
    """Notes for translators (PO translator comments)."""
    origin: str = ""
    """Where an imported unit came from: the TMX file and the unit's id or position."""
