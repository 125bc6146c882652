"""The Hugo configuration as one tree, and where each setting of it is written.

Hugo reads its settings from the root file (``hugo.toml``…) and from every file of
``config/_default/``: ``hugo.*`` holds the top level, ``params.*``, ``menus.*`` or
``languages.*`` the table of that name, ``languages.<key>.*`` one language's settings and
``<name>.<key>.*`` (``menus.es.toml``) one table of one language's. So each file has a
*place* in the tree, and a setting is found by walking from the files whose place leads to
it. Keys match case-insensitively, as Hugo lower-cases them. Where two files set one key,
the root file wins, then the directory's files by name, so a lookup is never ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate_flow.config import Config
from translate_flow.config.hugo import SITE_CONFIG_NAMES, parse_settings
from translate_flow.document.article import read_article_bytes
from translate_flow.errors import ArticleError, ConfigError, ResourceError
from translate_flow.resources.parse import parse_document
from translate_flow.resources.tree import Document, Node, format_of

__all__ = ["CONFIG_DIR", "ConfigFile", "Found", "SiteConfig", "config_files", "output_name", "read_config"]

CONFIG_DIR = "config/_default"
"""Where Hugo reads per-language settings files, whether or not the site also has a root file."""

_TABLES = frozenset({"params", "menus", "menu", "languages"})
"""Directory files named after a top-level table; any other name (``markup.toml``) is one too."""


@dataclass(frozen=True)
class ConfigFile:
    """One file of the configuration, before it is read."""

    path: Path
    rel: str
    place: tuple[str, ...]
    """Where its top level sits in Hugo's tree (lower-case): () for ``hugo.toml``,
    ("languages", "es") for ``languages.es.toml``, ("languages", "es", "menus") for ``menus.es.toml``."""

    @property
    def language(self) -> str | None:
        """The language whose settings alone the file holds, if it is such a file."""
        return self.place[1] if len(self.place) >= 2 and self.place[0] == "languages" else None


@dataclass(frozen=True)
class Found:
    """A setting: its plain value, the file that sets it and the line where."""

    value: object
    file: ConfigFile
    format: str
    line: int | None
    doc: Document
    node: Node | None

    def line_of(self, *path: str | int) -> int | None:
        """The line of a member under the setting (a menu entry's field), else the setting's."""
        node = _node(self.node, path) if self.node is not None else None
        return self.doc.line(node.start) if node is not None and node.placed else self.line


def output_name(key: str, main: str) -> str:
    """The settings file merge writes for the language ``key``, in the main file's format."""
    return f"{CONFIG_DIR}/languages.{key}{Path(main).suffix}"


def config_files(config: Config) -> list[ConfigFile]:
    """Every file Hugo reads its settings from, in precedence order (the root file first)."""
    root = config.root
    files: list[ConfigFile] = []
    main = next((root / name for name in SITE_CONFIG_NAMES if (root / name).is_file()), None)
    if main is not None:
        files.append(ConfigFile(main, main.name, ()))
    folder = root / CONFIG_DIR
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            place = _place(path.name)
            if place is not None and path.is_file():
                files.append(ConfigFile(path, path.relative_to(root).as_posix(), place))
    return files


def _place(name: str) -> tuple[str, ...] | None:
    if format_of(name) is None:
        return None
    parts = name.lower().split(".")[:-1]
    if len(parts) == 1:
        return () if parts[0] in ("hugo", "config") else (parts[0],)
    if len(parts) == 2 and parts[0] not in ("hugo", "config"):
        table, language = parts
        return ("languages", language) if table == "languages" else ("languages", language, table)
    return None  # hugo.es.toml and the like: not a form Hugo reads settings from


@dataclass(frozen=True)
class _Read:
    file: ConfigFile
    doc: Document
    data: dict[str, Any]


class SiteConfig:
    """The files of the configuration, read, and lookups of settings across them."""

    def __init__(self, files: Sequence[tuple[ConfigFile, Document, dict[str, Any]]]) -> None:
        self._files = [_Read(*item) for item in files]

    @property
    def files(self) -> list[ConfigFile]:
        return [read.file for read in self._files]

    def find(self, path: Sequence[str]) -> Found | None:
        """The value at ``path`` (lower-case keys), from the first file that sets it."""
        wanted = tuple(part.lower() for part in path)
        for read in self._files:
            place = read.file.place
            if wanted[: len(place)] != place:
                continue
            rest = wanted[len(place) :]
            value = _walk(read.data, rest)
            if value is not _MISSING:
                node = _node(read.doc.root, rest)
                line = read.doc.line(node.start) if node is not None and node.placed else None
                return Found(value, read.file, read.doc.format, line, read.doc, node)
        return None

    def find_menu(self, prefix: Sequence[str], menu: str) -> Found | None:
        """A menu under ``prefix`` (Hugo takes ``menus`` and the older ``menu``)."""
        return self.find((*prefix, "menus", menu)) or self.find((*prefix, "menu", menu))

    def menu_names(self, prefix: Sequence[str]) -> list[str]:
        """The names of the menus under ``prefix`` (lower-case), in the order first met."""
        names: dict[str, None] = {}
        for table in ("menus", "menu"):
            found = self.find((*prefix, table))
            if found is not None and isinstance(found.value, dict):
                names.update((str(name).lower(), None) for name in found.value)
            for read in self._files:  # menus.<key>.toml: a file whose place is the table itself
                if read.file.place == tuple(p.lower() for p in (*prefix, table)):
                    names.update((str(name).lower(), None) for name in read.data)
        return list(names)

    def languages(self) -> set[str]:
        """Hugo's language keys (lower-case), disabled ones left out."""
        keys: set[str] = set()
        for read in self._files:
            if read.file.place == ("languages",):
                table: object = read.data
            elif read.file.place == ():
                table = _walk(read.data, ("languages",))
            else:
                continue
            if isinstance(table, dict):
                keys.update(str(k).lower() for k, v in table.items() if not _disabled(v))
        return keys


_MISSING = object()


def _get(table: dict[str, Any], key: str) -> object:
    """The member ``key`` matched case-insensitively. Hugo lower-cases keys before merging, so
    tables spelled two ways (``[Params]``, ``[params.hero]``) are one; otherwise the last wins."""
    found = [value for name, value in table.items() if str(name).lower() == key]
    if not found:
        return _MISSING
    if len(found) > 1 and all(isinstance(value, dict) for value in found):
        merged: dict[str, Any] = {}
        for value in found:
            merged.update(value)
        return merged
    return found[-1]


def _walk(value: object, path: Sequence[str]) -> object:
    for part in path:
        if not isinstance(value, dict):
            return _MISSING
        value = _get(value, part)
        if value is _MISSING:
            return _MISSING
    return value


def _node(node: Node, path: Sequence[str | int]) -> Node | None:
    """The tree node at ``path``, keys matched case-insensitively (the last spelling that has it), for its line."""
    if not path:
        return node
    for member in reversed(node.members):
        if str(member.key).lower() == str(path[0]).lower():
            found = _node(member.node, path[1:])
            if found is not None:
                return found
    return None


def _disabled(settings: object) -> bool:
    return isinstance(settings, dict) and _get(settings, "disabled") is True


def read_config(config: Config, files: Sequence[ConfigFile]) -> SiteConfig:
    """The files read; ResourceError (one line) for one that cannot be read or parsed."""
    read: list[tuple[ConfigFile, Document, dict[str, Any]]] = []
    for file in files:
        try:
            data = read_article_bytes(file.path, config.root, config.max_article_bytes)
        except ArticleError as exc:
            raise ResourceError(exc.message, exc.path, exc.line) from exc
        doc = parse_document(data, file.rel, format_of(file.path) or "toml")
        try:
            plain = parse_settings(doc.text, file.path)
        except ConfigError as exc:
            raise ResourceError(exc.message, file.rel, exc.line) from exc
        read.append((file, doc, plain))
    return SiteConfig(read)


def entries_of(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    """A menu's entries (Hugo's list of tables), with their index; anything else has none."""
    if isinstance(value, list):
        for index, entry in enumerate(value):
            if isinstance(entry, dict):
                yield index, entry
