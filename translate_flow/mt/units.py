"""What a draft run works on: each distinct text once, and the catalogs waiting for its drafts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from translate_flow.mt.engines.protocol import TextContext
from translate_flow.mt.protect import Protected

__all__ = ["PendingCatalog", "Unit"]


@dataclass
class Unit:
    """One distinct (source language, target language, msgid): translated once, however many entries share it."""

    source: str
    target: str
    msgid: str
    protected: Protected
    draft: str | None = None
    """The draft, once an engine gave one that survived every check."""
    engine: str | None = None
    """The engine that gave ``draft``."""
    context: TextContext | None = None
    """Where the text was found first: its article's title and neighbours, for engines that use them."""


@dataclass
class PendingCatalog:
    """A PO file with empty entries, each tied to the unit whose draft it will receive."""

    path: Path
    rel: str
    po: polib.POFile
    entries: list[tuple[polib.POEntry, Unit]]
    data: bytes
    """The bytes ``po`` was read from: the file is written back only if it still holds them."""
    plurals: list[tuple[polib.POEntry, tuple[Unit, ...]]] = field(default_factory=list)
    """Empty plural entries, each with the unit whose draft goes into each msgstr[N]."""
