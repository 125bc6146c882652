"""``[engines.memory] compendium``: which memory file serves which target language.

A compendium is a PO file of translations made elsewhere. It is written in one
language, so it may only ever serve that language: the setting is a pattern with
``{lang}``, a table of files per language, or one plain path when the project has
exactly one target language (``languages``). Anything else is refused with the way out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.config.rules import inside, language_code

__all__ = ["LANG", "Compendium", "parse_compendium"]

LANG = "{lang}"
"""Where a pattern puts the language code."""


@dataclass(frozen=True)
class Compendium:
    """The compendium of each target language; no setting means none."""

    pattern: str | None = None
    """A path relative to the root with ``{lang}`` standing for the canonical language code."""
    files: Mapping[str, str] = field(default_factory=dict)
    """Canonical language code → path relative to the root (a table, or the one plain path)."""

    def path_for(self, language: str) -> str | None:
        """The compendium of ``language`` relative to the root, or None: never another language's."""
        if self.pattern is not None:
            return self.pattern.replace(LANG, language)
        return self.files.get(language)


def _checked_path(name: str, value: object, root: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{name}' must be a path relative to the project")
    if Path(value).is_absolute() or not inside(root, value.replace(LANG, "xx")):
        raise ValueError(f"'{name}' must be inside the project")
    return value


def _existing(name: str, value: object, root: Path) -> str:
    """A file named for one language must be there (a pattern may leave a language without one)."""
    path = _checked_path(name, value, root)
    if not (root / path).is_file():
        raise ValueError(f"'{name}': {path} does not exist")
    return path


def parse_compendium(value: object, languages: tuple[str, ...], root: Path) -> Compendium:
    """The setting as a ``Compendium``; ValueError with a one-line reason and the fix."""
    name = "engines.memory.compendium"
    if isinstance(value, dict):
        files: dict[str, str] = {}
        for code, path in value.items():
            language = language_code(str(code))
            if LANG in str(path):
                raise ValueError(f"'{name}.{code}' names one language's file; {LANG} belongs in a pattern")
            files[language] = _existing(f"{name}.{code}", path, root)
        return Compendium(files=files)
    path = _checked_path(name, value, root)
    if LANG in path:
        return Compendium(pattern=path)
    if len(languages) == 1:
        # One file, one language: only the project's single configured target uses it,
        # never a language an article adds in its front matter.
        return Compendium(files={languages[0]: _existing(name, path, root)})
    which = f"the languages {', '.join(languages)}" if languages else "no 'languages' setting"
    raise ValueError(
        f"'{name}': one file cannot serve several target languages ({which}); "
        f'write a pattern such as "tm/{LANG}.po" or a table such as {{ fr = "tm/fr.po" }}'
    )
