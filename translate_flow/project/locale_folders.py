"""Which folder under ``locales/`` holds a language's catalogs, and which folders hold none.

gettext tools and Weblate name folders ``pt_BR``, our default is the BCP 47 ``pt-BR``, and
people type ``pt-br``: all three are one language. A folder that already exists in any of
these spellings is used as it is, so a team's ``locales/pt_BR/`` keeps being updated instead
of a second, empty ``locales/pt-BR/`` appearing beside it. Only a language without a folder
gets the BCP 47 spelling.

The folder is looked up on every call rather than remembered: a folder renamed between two
runs of one process (the library, the tests) must be found under its new name.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from pathlib import Path

from translate_flow.languages import parse_language

__all__ = ["TEMPLATES", "language_folder", "stray_folders"]

TEMPLATES = "templates"
"""The folder of the POT templates: no language."""


def _code(name: str) -> str | None:
    """The language a folder name spells, or None when it spells none."""
    try:
        return parse_language(name).code
    except ValueError:
        return None


def _folders(locales: Path) -> list[str]:
    try:
        with os.scandir(locales) as entries:
            names = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    # "_memory" and the like are the tool's own folders: no language code starts with "_".
    return sorted(n for n in names if not n.startswith((".", "_")) and n != TEMPLATES)


def language_folder(locales: Path, language: str) -> Path:
    """The folder of ``language``'s catalogs: the BCP 47 spelling when that folder exists or
    none does, else the existing folder that spells the same language (one that holds files
    before an empty one, then in name order)."""
    code = parse_language(language).code
    canonical = locales / code
    if canonical.is_dir():
        return canonical
    spellings = [locales / name for name in _folders(locales) if _code(name) == code]
    return min(spellings, key=lambda folder: (_empty(folder), folder.name), default=canonical)


def _empty(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is None
    except OSError:
        return True


def stray_folders(locales: Path, targets: Collection[str]) -> Iterator[tuple[str, str]]:
    """(folder name, why it is not used) for each folder under ``locales`` that holds no target
    language's catalogs: one that names no target language, and a second spelling of one."""
    wanted = {_code(t) for t in targets}
    for name in _folders(locales):
        code = _code(name)
        if code is None:
            yield name, "not a language code; no catalogs are read from it"
        elif code not in wanted:
            yield name, f"{code} is not a target language; its catalogs are not used"
        elif (used := language_folder(locales, code).name) != name:
            yield name, f"another spelling of {code}; the catalogs in {used}/ are used"
