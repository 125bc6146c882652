"""Where a source article's translations live: by file name or by content directory.

``FilenameLayout``: ``content/post.md`` → ``content/post.<key>.md``.
``DirectoryLayout``: ``content/<source key>/post.md`` → ``content/<target key>/post.md``.
A *key* is the site's name for a language (Hugo's language key, e.g. ``zh-cn``); codes
and keys are matched case- and separator-insensitively (``zh-CN`` = ``zh-cn`` = ``zh_CN``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import NamedTuple

from translate_flow.config import Config
from translate_flow.document.article import MARKDOWN_SUFFIXES
from translate_flow.languages import parse_language, same_language

__all__ = ["DirectoryLayout", "DocusaurusLayout", "FilenameLayout", "Layout", "Placement", "layout_for"]


class Placement(NamedTuple):
    """Where a Markdown file sits in its layout."""

    group: str
    """Files of one group are one article in several languages."""
    hint: str | None
    """The language the file's name (or folder) gives, if any."""
    stem: str
    """The catalog name: the path within its content (or language) folder, without the suffix."""
    suffix: str
    """``.md`` or ``.markdown``."""


def _split_suffix(rel: str) -> tuple[str, str]:
    suffix = next((s for s in MARKDOWN_SUFFIXES if rel.endswith(s)), "")
    return rel[: len(rel) - len(suffix)], suffix


class Layout(ABC):
    """The rules one layout follows; the project's language keys are shared by both."""

    def __init__(self, config: Config) -> None:
        self.config = config
        # Discovery asks for a file's placement more than once; a layout lives for one run.
        self._placements: dict[Path, Placement] = {}

    def key_of(self, code: str) -> str:
        """The site's key for a language code (the code itself when none is mapped)."""
        return self.config.language_keys.get(code, code)

    def code_of(self, key: str) -> str | None:
        """The language code a key or suffix stands for, or None when it is not a language."""
        for code, mapped in self.config.language_keys.items():
            if mapped == key or same_language(mapped, key):
                return code
        if not 2 <= len(key) <= 16:
            return None
        try:
            return parse_language(key).code
        except ValueError:
            return None

    def scan_roots(self) -> list[Path]:
        """Folders that hold articles."""
        return [self.config.content_path]

    def site_languages(self) -> frozenset[str]:
        """The site's languages: the source, Hugo's (and ``[language_keys]``), and the targets."""
        config = self.config
        return frozenset((config.source_language, *config.language_keys, *config.languages))

    def folder_of(self, path: Path) -> Path:
        """The language folder a file is in (the content folder when none)."""
        return self.config.content_path

    def source_folder(self) -> Path:
        """The folder that holds the sources."""
        return self.config.content_path

    @abstractmethod
    def may_be_source(self, hint: str | None, has_plain: bool) -> bool:
        """False for a file the site says is a translation, whatever the targets of this run."""

    def placement(self, path: Path) -> Placement:
        """The group, language hint, catalog stem and suffix of a Markdown file."""
        found = self._placements.get(path)
        if found is None:
            found = self._placements[path] = self._place(path)
        return found

    @abstractmethod
    def _place(self, path: Path) -> Placement:
        """``placement``, worked out."""

    @abstractmethod
    def is_plain(self, hint: str | None) -> bool:
        """True for the file a group's outputs are made from when it exists."""

    @abstractmethod
    def output_path(self, source: Path, target: str) -> Path:
        """Where the ``target`` translation of ``source`` is written."""


class FilenameLayout(Layout):
    """Translations sit beside their source, the language key before the extension."""

    def split_name(self, name: str) -> tuple[str, str | None, str]:
        """``post.fr.md`` → (``post``, ``fr``, ``.md``); the middle part only if it is a language."""
        stem, suffix = _split_suffix(name)
        if not suffix:
            return name, None, ""
        base, dot, maybe = stem.rpartition(".")
        if dot and base:
            code = self.code_of(maybe)
            if code is not None:
                return base, code, suffix
        return stem, None, suffix

    def _place(self, path: Path) -> Placement:
        stem, code, suffix = self.split_name(path.name)
        parent = path.parent.relative_to(self.config.content_path).as_posix()
        group = f"{parent}/{stem}" if parent != "." else stem
        rel = path.relative_to(self.config.content_path).as_posix()
        return Placement(group, code, rel[: len(rel) - len(suffix)], suffix)

    def is_plain(self, hint: str | None) -> bool:
        # A file without a language suffix is the source of the others.
        return hint is None

    def may_be_source(self, hint: str | None, has_plain: bool) -> bool:
        # Beside a plain post.md, Hugo reads post.fa.md as its Persian page: a human's
        # translation, even when fa is not a target of this run. Without a plain file,
        # the group's sources are still worked out from the files' languages and targets.
        return hint is None or not has_plain or hint not in self.site_languages()

    def output_path(self, source: Path, target: str) -> Path:
        stem, _, suffix = self.split_name(source.name)
        return source.with_name(f"{stem}.{self.key_of(target)}{suffix}")


class DirectoryLayout(Layout):
    """Each language has its own content folder; a translation mirrors its source's path."""

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self._dirs: dict[Path, str] | None = None

    def language_dir(self, code: str) -> Path:
        """The content directory of a language."""
        if code in self.config.language_dirs:
            return self.config.root / self.config.language_dirs[code]
        return self.config.content_path / self.key_of(code)

    def language_dirs(self) -> dict[Path, str]:
        """Every existing language directory, with its language code (found once)."""
        if self._dirs is None:
            found: dict[Path, str] = {}
            for code, rel in self.config.language_dirs.items():
                path = self.config.root / rel
                if path.is_dir():
                    found[path] = code
            if self.config.content_path.is_dir():
                for child in sorted(self.config.content_path.iterdir()):
                    if child.is_dir() and child not in found and not child.name.startswith("."):
                        child_code = self.code_of(child.name)
                        if child_code is not None:
                            found[child] = child_code
            self._dirs = found
        return self._dirs

    def _folder_of(self, path: Path) -> tuple[Path, str | None]:
        # The deepest folder wins: a Jekyll site's source language may be the root, with fr/ inside it.
        for folder, code in sorted(self.language_dirs().items(), key=lambda item: -len(item[0].parts)):
            if path.is_relative_to(folder):
                return folder, code
        return self.config.content_path, None

    def _place(self, path: Path) -> Placement:
        folder, code = self._folder_of(path)
        rel = path.relative_to(folder).as_posix()
        stem, suffix = _split_suffix(rel)
        return Placement(rel, code, stem, suffix)

    def is_plain(self, hint: str | None) -> bool:
        # The source language's folder holds the sources.
        return hint == self.config.source_language

    def may_be_source(self, hint: str | None, has_plain: bool) -> bool:
        # Another language's folder holds that language's pages, never sources: a page
        # found only there has nothing to be translated from. (Files in no language's
        # folder keep the older rule: their language says what they are.)
        return hint is None or hint == self.config.source_language

    def folder_of(self, path: Path) -> Path:
        return self._folder_of(path)[0]

    def source_folder(self) -> Path:
        return self.language_dir(self.config.source_language)

    def output_path(self, source: Path, target: str) -> Path:
        folder, _ = self._folder_of(source)
        return self.language_dir(target) / source.relative_to(folder)

    def scan_roots(self) -> list[Path]:
        content = self.config.content_path
        return [content, *(folder for folder in self.language_dirs() if not folder.is_relative_to(content))]


class DocusaurusLayout(Layout):
    """Docusaurus' i18n folders: ``docs/x.md`` → ``i18n/<key>/docusaurus-plugin-content-docs/current/x.md``,
    ``blog/…`` → ``i18n/<key>/docusaurus-plugin-content-blog/…``, ``src/pages/…`` → ``…-pages/…``.

    The content folder is the site's root; only these trees and ``i18n/`` hold pages.
    """

    TREES = (
        ("docs", "docusaurus-plugin-content-docs/current"),
        ("blog", "docusaurus-plugin-content-blog"),
        ("src/pages", "docusaurus-plugin-content-pages"),
    )

    def scan_roots(self) -> list[Path]:
        content = self.config.content_path
        return [content / tree for tree in (*(source for source, _ in self.TREES), "i18n") if (content / tree).is_dir()]

    def _place(self, path: Path) -> Placement:
        rel = path.relative_to(self.config.content_path).as_posix()
        hint: str | None = None
        for source, plugin in self.TREES:
            parts = rel.split("/", 2)
            if len(parts) == 3 and parts[0] == "i18n" and parts[2].startswith(plugin + "/"):
                hint = self.code_of(parts[1])
                rel = f"{source}/{parts[2][len(plugin) + 1 :]}"
                break
        stem, suffix = _split_suffix(rel)
        return Placement(stem, hint, stem, suffix)

    def is_plain(self, hint: str | None) -> bool:
        return hint is None

    def may_be_source(self, hint: str | None, has_plain: bool) -> bool:
        # A page under i18n/ is that language's page, never a source.
        return hint is None

    def folder_of(self, path: Path) -> Path:
        rel = path.relative_to(self.config.content_path).parts
        return self.config.content_path.joinpath(*rel[:2]) if rel[:1] == ("i18n",) else self.config.content_path

    def output_path(self, source: Path, target: str) -> Path:
        rel = source.relative_to(self.config.content_path).as_posix()
        for tree, plugin in self.TREES:
            if rel.startswith(tree + "/"):
                return self.config.content_path / "i18n" / self.key_of(target) / plugin / rel[len(tree) + 1 :]
        return self.config.content_path / "i18n" / self.key_of(target) / rel


_LAYOUTS: dict[str, type[Layout]] = {
    "filename": FilenameLayout,
    "directory": DirectoryLayout,
    "docusaurus": DocusaurusLayout,
}


def layout_for(config: Config) -> Layout:
    """The layout the configuration names."""
    return _LAYOUTS[config.layout](config)
