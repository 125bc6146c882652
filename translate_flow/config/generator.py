"""Which site generator a project is, from its own configuration files, for ``init``.

Each generator writes its own Markdown dialect and keeps its pages in its own folder:

- ``mkdocs.yml`` (or ``.yaml``): MkDocs, pages under its ``docs_dir`` (``docs``), and
  with the mkdocs-static-i18n plugin its languages, in its ``suffix`` (``page.fr.md``)
  or ``folder`` (``docs/fr/page.md``) structure;
- ``docusaurus.config.*``: Docusaurus (MDX), pages under ``docs``, ``blog`` and
  ``src/pages`` translated into its ``i18n/<locale>/…`` folders, the locales its ``i18n`` lists;
- ``astro.config.*``: Astro (Starlight writes MDX too), pages under ``src/content/docs``,
  a folder per locale inside it;
- ``_config.yml`` with Hexo's keys (``new_post_name``, ``source_dir``…): Hexo, under ``source``;
  with Jekyll's (``markdown``, ``plugins``, ``collections``…) or beside a Gemfile that
  names jekyll: Jekyll, at the root;
- else Hugo, today's default.

The YAML of ``mkdocs.yml`` holds Python tags (``!!python/name:…``): they are read as
nothing rather than refused, since only plain keys are wanted here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from translate_flow.languages import parse_language

__all__ = ["Generator", "detect_generator"]


@dataclass(frozen=True)
class Generator:
    """What init learns from a non-Hugo site's configuration."""

    dialect: str
    """The ``dialect`` setting."""
    config_file: str
    """The file that told, relative to the root."""
    content_dir: str | None = None
    """Where the pages are, relative to the root; None keeps the default."""
    layout: str | None = None
    """``filename`` or ``directory``, when the site says; None keeps the default."""
    source_language: str | None = None
    """The site's default language (canonical code), when it says."""
    languages: tuple[str, ...] = ()
    """The site's other languages (canonical codes)."""
    exclude: tuple[str, ...] = ()
    """What of the content folder is not pages (a Jekyll site's build output)."""
    data_files: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """``[data]`` globs and key paths of the site's string files (Docusaurus' JSON)."""


class _Lenient(yaml.SafeLoader):
    """A safe loader that reads any unknown tag (``!!python/name:…``, ``!ENV``) as None."""


def _unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("!", _unknown)
_Lenient.add_multi_constructor("tag:", _unknown)

_HEXO_KEYS = frozenset({"new_post_name", "source_dir", "public_dir", "post_asset_folder", "render_drafts"})
# Jekyll's pages are anywhere in the site; these are its output, dependencies and the repository's readme.
_JEKYLL_NOT_PAGES = ("_site", "vendor", "node_modules", "README.md")
_JEKYLL_KEYS = frozenset({"markdown", "kramdown", "plugins", "gems", "collections", "remote_theme", "jekyll"})


def _yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lenient)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _first(root: Path, names: tuple[str, ...]) -> Path | None:
    return next((root / name for name in names if (root / name).is_file()), None)


def detect_generator(root: Path) -> Generator | None:
    """The generator of the site at ``root``, or None for Hugo (or a folder of Markdown)."""
    mkdocs = _first(root, ("mkdocs.yml", "mkdocs.yaml"))
    if mkdocs is not None:
        return _mkdocs(mkdocs, root)
    scripts = ("js", "ts", "mjs", "cjs", "mts")
    docusaurus = _first(root, tuple(f"docusaurus.config.{ext}" for ext in scripts))
    if docusaurus is not None:
        return _docusaurus(docusaurus)
    astro = _first(root, tuple(f"astro.config.{ext}" for ext in scripts))
    if astro is not None:
        # Starlight keeps a folder per locale (src/content/docs/fr/…); the root locale's pages
        # sit at the top of the folder, the directory layout's sources in no language folder.
        return Generator("docusaurus", astro.name, "src/content/docs", "directory")
    config = root / "_config.yml"
    if config.is_file():
        keys = set(_yaml(config))
        if keys & _HEXO_KEYS:
            return Generator("hexo", config.name, "source")
        gemfile = root / "Gemfile"
        named = gemfile.is_file() and "jekyll" in gemfile.read_text(encoding="utf-8", errors="replace")
        if keys & _JEKYLL_KEYS or named:
            return Generator("jekyll", config.name, ".", exclude=_JEKYLL_NOT_PAGES)
    return None


# The i18n block of a docusaurus.config.*: `defaultLocale: 'en'` and `locales: ['en', 'fr']`.
_DEFAULT_LOCALE = re.compile(r"""defaultLocale\s*:\s*['"]([^'"]+)['"]""")
_LOCALES = re.compile(r"locales\s*:\s*\[([^\]]*)\]")
_STRING = re.compile(r"""['"]([^'"]+)['"]""")


def _docusaurus(path: Path) -> Generator:
    """Docusaurus: its i18n layout over docs/, blog/ and src/pages/, and the locales its config lists.

    The config is a program; its locales are read as literals, the way they are written in
    every Docusaurus template. One computed from code is left to ``--language``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    codes = []
    found = _LOCALES.search(text)
    for value in _STRING.findall(found.group(1)) if found else []:
        try:
            codes.append(parse_language(value).code)
        except ValueError:
            continue
    default = _DEFAULT_LOCALE.search(text)
    try:
        source = parse_language(default.group(1)).code if default else None
    except ValueError:
        source = None
    others = tuple(code for code in dict.fromkeys(codes) if code != source)
    # `docusaurus write-translations --locale <source>` writes the UI strings there: each one's
    # `message` is a text, its `description` stays a note for translators in the file.
    strings = ((f"{default.group(1) if default else 'en'}/**/*.json", ("*.message",)),)
    return Generator("docusaurus", path.name, ".", "docusaurus", source, others, data_files=strings)


def _mkdocs(path: Path, root: Path) -> Generator:
    data = _yaml(path)
    docs = data.get("docs_dir") if isinstance(data.get("docs_dir"), str) else "docs"
    plugins = data.get("plugins")
    i18n: Any = None
    for plugin in plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            i18n = plugin["i18n"]
    if i18n is None:
        return Generator("mkdocs", path.name, docs)
    codes: list[tuple[str, bool]] = []
    for entry in i18n.get("languages") or []:
        if isinstance(entry, dict) and isinstance(entry.get("locale"), str):
            try:
                codes.append((parse_language(entry["locale"]).code, entry.get("default") is True))
            except ValueError:
                continue
    source = next((code for code, default in codes if default), codes[0][0] if codes else None)
    others = tuple(code for code, _ in codes if code != source)
    layout = "directory" if i18n.get("docs_structure") == "folder" else "filename"
    return Generator("mkdocs", path.name, docs, layout, source, others)
