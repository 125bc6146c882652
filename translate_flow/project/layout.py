"""Where a source article's translations live: by file name or by content directory.

``filename``: ``content/post.md`` → ``content/post.<key>.md``.
``directory``: ``content/<source key>/post.md`` → ``content/<target key>/post.md``.
A *key* is the site's name for a language (Hugo's language key, e.g. ``zh-cn``); codes
and keys are matched case- and separator-insensitively (``zh-CN`` = ``zh-cn`` = ``zh_CN``).
"""

from __future__ import annotations

from pathlib import Path

from translate_flow.config.load import Config
from translate_flow.document.article import MARKDOWN_SUFFIXES
from translate_flow.languages import parse_language, same_language


class Layout:
    """The project's layout, with its language directories found once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._dirs: dict[Path, str] | None = None

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

    def split_name(self, name: str) -> tuple[str, str | None, str]:
        """``post.fr.md`` → (``post``, ``fr``, ``.md``); the middle part only if it is a language."""
        for suffix in MARKDOWN_SUFFIXES:
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                break
        else:
            return name, None, ""
        base, dot, maybe = stem.rpartition(".")
        if dot and base:
            code = self.code_of(maybe)
            if code is not None:
                return base, code, suffix
        return stem, None, suffix

    def language_dir(self, code: str) -> Path:
        """The content directory of a language in the directory layout."""
        if code in self.config.language_dirs:
            return self.config.root / self.config.language_dirs[code]
        return self.config.content_path / self.key_of(code)

    def language_dirs(self) -> dict[Path, str]:
        """Every existing language directory, with its language code."""
        if self._dirs is not None:
            return self._dirs
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
        return found

    def placement(self, path: Path) -> tuple[str, str | None, str, str]:
        """(group, language hint, stem for catalogs, suffix) of a Markdown file.

        Files of one group are one article in several languages. In the filename
        layout the hint is the file-name suffix's language; in the directory layout it
        is the language of the directory the file is in.
        """
        if self.config.layout == "directory":
            for folder, code in self.language_dirs().items():
                if path.is_relative_to(folder):
                    rel = path.relative_to(folder).as_posix()
                    suffix = next((s for s in MARKDOWN_SUFFIXES if rel.endswith(s)), "")
                    return rel, code, rel[: len(rel) - len(suffix)], suffix
            rel = path.relative_to(self.config.content_path).as_posix()
            suffix = next((s for s in MARKDOWN_SUFFIXES if rel.endswith(s)), "")
            return rel, None, rel[: len(rel) - len(suffix)], suffix
        stem, suffix_code, suffix = self.split_name(path.name)
        parent = path.parent.relative_to(self.config.content_path).as_posix()
        group = f"{parent}/{stem}" if parent != "." else stem
        rel = path.relative_to(self.config.content_path).as_posix()
        return group, suffix_code, rel[: len(rel) - len(suffix)], suffix

    def is_plain(self, hint: str | None) -> bool:
        """The file a group's outputs are made from when it exists: no suffix, or the source language's directory."""
        if self.config.layout == "directory":
            return hint == self.config.source_language
        return hint is None

    def output_path(self, source: Path, target: str) -> Path:
        """Where the ``target`` translation of ``source`` is written."""
        if self.config.layout == "directory":
            for folder in self.language_dirs():
                if source.is_relative_to(folder):
                    return self.language_dir(target) / source.relative_to(folder)
            return self.language_dir(target) / source.relative_to(self.config.content_path)
        stem, _, suffix = self.split_name(source.name)
        return source.with_name(f"{stem}.{self.key_of(target)}{suffix}")

    def scan_roots(self) -> list[Path]:
        """Folders that hold articles."""
        roots = [self.config.content_path]
        if self.config.layout == "directory":
            roots += [folder for folder in self.language_dirs() if not folder.is_relative_to(self.config.content_path)]
        return roots
