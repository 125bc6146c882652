"""How extract treats existing catalogs: the options every part of the extract step reads."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ExtractOptions"]


@dataclass(frozen=True)
class ExtractOptions:
    """How extract treats existing catalogs."""

    force: bool = False
    """Re-extract articles whose fingerprint says nothing changed."""
    keep_obsolete: bool = True
    """Keep removed texts' translations as obsolete entries."""
    jobs: int = 1
    """Worker processes for the per-article phase."""
