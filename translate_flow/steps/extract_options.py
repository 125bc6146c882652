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
    memory_folders: frozenset[str] | None = None
    """The language folders that held a PO file when the run began; None: not looked at. A target
    language whose folder is not one of them, and that has no compendium or imported memory,
    leaves the project-wide pass nothing to fill from, so its new catalogs are final at once."""
