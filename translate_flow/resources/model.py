"""What flows through the resource path: resources, their catalogs, texts and rendered outputs.

A *resource* is one source file, which values of it are translated (its kind decides,
with its key paths), and an output file per target language. Resources whose texts
share one PO file form a *resource catalog*: Hugo's i18n tables of the site and of its
themes all go to ``i18n.po``; each data file has a catalog of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.catalog.entry_keys import Key
from translate_flow.config import Config
from translate_flow.project.locale_folders import language_folder

__all__ = ["Rendered", "Resource", "ResourceCatalog", "Text", "Translations"]


@dataclass(frozen=True)
class Resource:
    """One source file and where its translations go."""

    kind: str
    """``i18n``, ``data`` or ``site``: which module reads its texts and writes its outputs."""
    path: Path
    """Absolute path of the source file."""
    rel: str
    """Project-relative path (as in PO references)."""
    format: str
    """``yaml``, ``toml`` or ``json``."""
    outputs: Mapping[str, Path]
    """The translated file per target language."""
    keys: tuple[str, ...] = ()
    """For data files: the dotted key paths whose values are translated."""


@dataclass(frozen=True)
class ResourceCatalog:
    """The resources whose texts share one PO file per target language (and one POT)."""

    name: str
    """The catalog's name under the locales folder, without suffix (``i18n``, ``data/termbase``)."""
    kind: str
    """The kind of its resources."""
    resources: tuple[Resource, ...]
    """Its files, in Hugo's precedence: where two define one i18n id, the first one's is used."""
    language: str
    """The source language."""
    targets: tuple[str, ...]
    """The target languages."""
    digest: str
    """A hash of every file's bytes and of the settings that shape the catalogs."""
    fresh: bool
    """True when the template's fingerprint says the catalogs were made from these bytes."""

    @property
    def label(self) -> str:
        """How reports name it: its first file."""
        return self.resources[0].rel

    def po_path(self, config: Config, language: str) -> Path:
        return language_folder(config.locales_path, language) / f"{self.name}.po"

    def pot_path(self, config: Config) -> Path:
        return config.locales_path / "templates" / f"{self.name}.pot"

    def catalog_paths(self, config: Config) -> list[Path]:
        return [self.po_path(config, language) for language in self.targets] + [self.pot_path(config)]


@dataclass(frozen=True)
class Text:
    """One PO entry's worth of a resource: a value, or an i18n message with its plural."""

    msgid: str
    """The source text (an i18n plural: its singular form)."""
    rel: str
    """The file it comes from, for the PO reference."""
    line: int
    """Its 1-based line, for the PO reference."""
    note: str
    """What it is, as the entry's extracted comment (``i18n``, ``data: terms.*.definition``)."""
    context: str | None = None
    """The msgctxt: an i18n message's id."""
    plural: str | None = None
    """The msgid_plural: an i18n message's ``other`` form, when it has plural forms."""
    comments: tuple[str, ...] = ()
    """Further extracted comments, such as an i18n message's description."""

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)


@dataclass(frozen=True)
class Translations:
    """The translations of one catalog that merge may publish."""

    language: str
    """The target language."""
    texts: Mapping[Key, str] = field(default_factory=dict)
    """Singular entries' translations."""
    plurals: Mapping[Key, Mapping[str, str]] = field(default_factory=dict)
    """Plural entries' translations by the target language's CLDR category (``one``, ``few``…)."""


@dataclass(frozen=True)
class Rendered:
    """A translated resource file as merge would write it."""

    data: bytes | None
    """The file's bytes; None when there is nothing to write."""
    total: int
    """Texts of the file."""
    translated: int
    """Texts with a translation in the file."""
    held: tuple[tuple[Key, str], ...] = ()
    """Translations kept out of the file, with the reason."""
    why_not: str = ""
    """Why there is nothing to write, where the kind knows better than "nothing is translated"."""

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0
