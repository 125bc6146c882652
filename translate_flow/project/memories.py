"""The translation memories of one target language, besides the project's own catalogs.

Two kinds, both PO files that serve exactly one language: the compendium the
config names for it (``[engines.memory] compendium``) and the memory ``tm import``
keeps for it in ``<locales>/_memory/<lang>.po``. The memory engine and extract's
project-wide look-up read the same list, so an import reaches both.
"""

from __future__ import annotations

from pathlib import Path

from translate_flow.config import Config
from translate_flow.config.compendium import Compendium
from translate_flow.languages import parse_language

__all__ = ["IMPORTED_DIR", "imported_path", "memory_files", "project_languages", "project_memory_files"]

IMPORTED_DIR = "_memory"
"""Folder of the locales directory that holds imported memories (no language code starts with "_")."""


def imported_path(locales: Path, language: str) -> Path:
    """Where ``tm import`` keeps the memory of ``language``."""
    return locales / IMPORTED_DIR / f"{language}.po"


def memory_files(root: Path, locales: Path, compendium: Compendium, language: str) -> list[Path]:
    """The compendium and the imported memory of ``language`` that exist, in that order."""
    found: list[Path] = []
    named = compendium.path_for(language)
    if named is not None and (root / named).is_file():
        found.append(root / named)
    imported = imported_path(locales, language)
    if imported.is_file():
        found.append(imported)
    return found


def project_memory_files(config: Config, language: str) -> list[Path]:
    return memory_files(config.root, config.locales_path, config.compendium, language)


def project_languages(config: Config) -> tuple[str, ...]:
    """The target languages a memory may concern: ``languages``, and every language folder of the
    locales directory (articles may add targets in their front matter)."""
    found = set(config.languages)
    if config.locales_path.is_dir():
        for folder in config.locales_path.iterdir():
            if folder.is_dir() and not folder.name.startswith(("_", ".")) and folder.name != "templates":
                try:
                    found.add(parse_language(folder.name).code)
                except ValueError:
                    continue
    found.discard(config.source_language)
    return tuple(sorted(found))
