"""The PATHS of a command: which articles and site files they select, or a usage error.

Every step selects by source files: an article (``select_sources``) or a site file
(``select_catalogs``) at or under a path. A path under the locales folder names catalogs
instead (``locales/fa/content.po``, ``locales/fa/``, ``locales/templates/``), so it is
turned into the articles and site files whose catalogs are at or under it; a path that
selects nothing at all is refused, for a gate that silently checked nothing would pass. A
translated page (``content/post.fr.md``) selects its article in that page's language.
When every path is in a language's folder, the run is about those languages: the steps
that take ``--lang`` (check, status, pretranslate, import) look at them alone unless
``--lang`` says otherwise. Extract and merge work on whole articles, every language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from translate_flow.config import Config
from translate_flow.errors import ConfigError
from translate_flow.languages import parse_language
from translate_flow.project.discover import Discovery, Source, Unresolved, discover, po_path
from translate_flow.project.layout import layout_for
from translate_flow.project.memories import project_languages
from translate_flow.resources.discover import ResourceDiscovery, resources_of, select_catalogs

__all__ = ["Selection", "select_paths"]

NOTHING = "no article, catalog or site file under it"
"""The usage error of a path that selects nothing."""


def _at_or_under(file: Path, path: Path) -> bool:
    return file == path or path in file.parents


def _articles(discovery: Discovery) -> list[Source | Unresolved]:
    return [*discovery.sources, *discovery.unresolved]


def _catalog_files(config: Config, item: Source | Unresolved) -> list[Path]:
    """The catalogs of an article; one discovery has not read yet may have any project language."""
    if isinstance(item, Source):
        return item.catalog_paths(config)
    languages = (*config.languages, *project_languages(config))
    return [item.pot_path(config), *(po_path(config, item.catalog, language) for language in languages)]


def _by_catalog(config: Config, path: Path, discovery: Discovery, resources: ResourceDiscovery) -> list[Path]:
    """The articles and site files whose catalogs are at or under ``path`` (a path under the locales folder)."""
    found = [
        item.path
        for item in _articles(discovery)
        if any(_at_or_under(file, path) for file in _catalog_files(config, item))
    ]
    for catalog in resources.catalogs:
        if any(_at_or_under(file, path) for file in catalog.catalog_paths(config)):
            found.extend(resource.path for resource in catalog.resources)
    return found


def _by_output(config: Config, path: Path, discovery: Discovery) -> tuple[list[Path], str | None]:
    """The article whose translated page ``path`` is, and that page's language (a page written
    by hand before import, or by merge): selecting a page means its article in its language."""
    layout = layout_for(config)
    for item in _articles(discovery):
        outputs = (
            item.outputs
            if isinstance(item, Source)
            else {language: layout.output_path(item.path, language) for language in config.languages}
        )
        for language, out in outputs.items():
            if out.resolve() == path:
                return [item.path], language
    return [], None


@dataclass(frozen=True)
class Selection:
    """What a command's PATHS select."""

    paths: tuple[Path, ...] = ()
    """The paths the steps select articles and site files by (none: every one)."""
    languages: tuple[str, ...] = ()
    """The target languages whose folders hold every path, when all of them are in one
    (``locales/fa/content.po``, ``locales/fa/``); empty otherwise."""


def _folder_language(path: Path, locales: Path) -> str | None:
    """The language whose folder under the locales folder holds ``path``, if one does."""
    parts = path.relative_to(locales).parts
    if not parts or parts[0].startswith(("_", ".")):
        return None
    try:
        return parse_language(parts[0]).code
    except ValueError:
        return None  # the templates folder, or no language's


def select_paths(config: Config, paths: Iterable[Path]) -> Selection:
    """``paths`` as the steps select by: a content or site path as it is, a catalog path as the
    files whose catalogs it holds. ConfigError (``PATH: no article, catalog or site file under
    it``) for the first path that selects nothing."""
    given = list(paths)
    if not given:
        return Selection()
    discovery = discover(config, lazy=True)
    resources = resources_of(config, discovery)
    locales = config.locales_path.resolve()
    chosen: list[Path] = []
    languages: list[str | None] = []
    for path in given:
        resolved = path.resolve()
        in_locales = _at_or_under(resolved, locales)
        languages.append(_folder_language(resolved, locales) if in_locales else None)
        if in_locales:
            found = _by_catalog(config, resolved, discovery, resources)
        elif any(_at_or_under(item.path, resolved) for item in _articles(discovery)) or select_catalogs(
            resources.catalogs, [resolved]
        ):
            found = [path]  # as given: extract's selection of content paths stays what it was
        else:
            found, languages[-1] = _by_output(config, resolved, discovery)
        if not found:
            raise ConfigError(NOTHING, path)
        chosen.extend(found)
    named = tuple(dict.fromkeys(code for code in languages if code is not None))
    return Selection(tuple(dict.fromkeys(chosen)), named if None not in languages else ())
