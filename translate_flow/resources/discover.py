"""Which resource files a project has, where their catalogs and translations go.

- **i18n tables**: ``<i18nDir>/<source language>.<ext>`` of the site, then those of its
  themes (``themes/<name>/i18n/``), in Hugo's precedence, all into one ``i18n`` catalog.
  The site's table is translated to ``i18n/<lang>.<ext>``; a theme's to
  ``i18n/<theme>/<lang>.<ext>``, which Hugo reads beside it (it reads every file under
  the folder, and a site's own strings win over a theme's).
- **data files**: the ``[data]`` globs under ``<dataDir>``, each file into a catalog of
  its own (``data/<name>``), translated beside it (``termbase.<lang>.yaml``) or into a
  folder per language (``<lang>/termbase.yaml``).
- **site strings**: the Hugo configuration files that hold the source language's title,
  params and menus, into one ``site`` catalog, translated to
  ``config/_default/languages.<key>.<ext>`` (``resources/site_config``).

Like article discovery this reads bytes and hashes them, and parses nothing but the Hugo
configuration (a site with no site strings gets no catalog): a catalog whose template
carries the same hash is fresh and is skipped by extract.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.config import Config
from translate_flow.document.article import read_article_bytes
from translate_flow.errors import ArticleError, ResourceError, TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement
from translate_flow.languages import same_language
from translate_flow.lazy import lazy
from translate_flow.project.discover import Discovery
from translate_flow.project.fingerprint import config_fingerprint, read_fingerprint
from translate_flow.project.shard import Shard, size_of

# The site configuration's strings are read only for a Hugo site that asks for them, and the
# resource model only by a project that has resources: a no-op run of a site without any
# builds none of its classes.
if TYPE_CHECKING:
    from translate_flow.resources.model import Resource, ResourceCatalog
    from translate_flow.resources.site_config import config_files, output_name, read_config
    from translate_flow.resources.site_strings import site_strings
    from translate_flow.resources.tree import format_of
else:
    Resource = lazy("translate_flow.resources.model:Resource")
    ResourceCatalog = lazy("translate_flow.resources.model:ResourceCatalog")
    format_of = lazy("translate_flow.resources.tree:format_of")
    config_files = lazy("translate_flow.resources.site_config:config_files")
    output_name = lazy("translate_flow.resources.site_config:output_name")
    read_config = lazy("translate_flow.resources.site_config:read_config")
    site_strings = lazy("translate_flow.resources.site_strings:site_strings")

RESERVED = "_hugo"
"""The folder of the resource catalogs under ``locales/<lang>/``: pages of a real site are
called ``site.md`` or ``i18n.md``, but hardly live in a content folder named ``_hugo``."""

__all__ = [
    "ResourceDiscovery",
    "discover_resources",
    "read_resource",
    "resource_target_catalogs",
    "resource_targets",
    "resources_of",
    "select_catalogs",
]


@dataclass(frozen=True)
class ResourceDiscovery:
    """The project's resource catalogs, and the files that could not be taken."""

    catalogs: tuple[ResourceCatalog, ...] = ()
    errors: tuple[TranslateFlowError, ...] = ()


def resource_targets(config: Config) -> tuple[str, ...]:
    """The languages resources are translated into: the configured ones, else the Hugo site's."""
    found = config.languages or tuple(config.language_keys)
    return tuple(code for code in found if code != config.source_language)


def read_resource(config: Config, resource: Resource) -> bytes:
    """A resource's bytes; links out of the project and oversized files are refused."""
    try:
        return read_article_bytes(resource.path, config.root, config.max_article_bytes)
    except ArticleError as exc:
        raise ResourceError(exc.message, exc.path, exc.line) from exc


def discover_resources(config: Config, article_stems: Mapping[str, str] | None = None) -> ResourceDiscovery:
    """Every resource catalog; ``article_stems`` (catalog name → article) are names already taken."""
    errors: list[TranslateFlowError] = []
    targets = resource_targets(config)
    groups: list[tuple[str, str, list[Resource]]] = []
    i18n = _i18n_tables(config, targets)
    if i18n:
        groups.append((f"{RESERVED}/i18n", "i18n", i18n))
    groups += [(name, "data", [resource]) for name, resource in _data_files(config, targets, errors)]
    site = _site_files(config, targets, errors)
    if site:
        groups.append((f"{RESERVED}/site", "site", site))
    taken = dict(article_stems or {})
    catalogs: list[ResourceCatalog] = []
    claimed: dict[Path, str] = {}
    confinement = Confinement(config.root)
    for name, kind, resources in groups:
        if name in taken:
            message = f"shares its catalogs with {taken[name]}; rename one"
            errors.append(ResourceError(message, resources[0].rel))
            continue
        taken[name] = resources[0].rel
        kept = [r for r in resources if _claim(config, r, claimed, confinement, errors)]
        catalog = _catalog(config, name, kind, kept, targets, confinement, errors)
        if catalog is not None:
            catalogs.append(catalog)
    return ResourceDiscovery(tuple(catalogs), tuple(errors))


def resources_of(config: Config, discovery: Discovery) -> ResourceDiscovery:
    """The resource catalogs of a project whose articles ``discovery`` found (their names are taken)."""
    stems = {item.stem: item.rel for item in discovery.unresolved}
    stems.update((source.stem, source.rel) for source in discovery.sources)
    return discover_resources(config, stems)


def resource_target_catalogs(
    config: Config, catalogs: Iterable[ResourceCatalog], languages: Collection[str] = ()
) -> Iterator[tuple[ResourceCatalog, str, Path, str]]:
    """(catalog, target language, PO path, its project-relative name) for each wanted target."""
    for catalog in catalogs:
        for language in catalog.targets:
            if languages and language not in languages:
                continue
            path = catalog.po_path(config, language)
            yield catalog, language, path, path.relative_to(config.root).as_posix()


def select_catalogs(
    catalogs: Iterable[ResourceCatalog], paths: Iterable[Path], shard: Shard | None = None
) -> list[ResourceCatalog]:
    """The catalogs with a file at or below the given paths (all of them when none are given).

    With ``shard``, only that part of them: the split is made over all of ``catalogs``.
    """
    chosen = list(catalogs)
    if shard is not None:
        picked = shard.pick({c.name: size_of(r.path for r in c.resources) for c in chosen})
        chosen = [c for c in chosen if c.name in picked]
    wanted = [p.resolve() for p in paths]
    if not wanted:
        return chosen
    return [c for c in chosen if any(r.path == w or w in r.path.parents for r in c.resources for w in wanted)]


def _key(config: Config, code: str) -> str:
    return config.language_keys.get(code, code)


def _i18n_tables(config: Config, targets: tuple[str, ...]) -> list[Resource]:
    if not config.i18n.translate:
        return []
    folders: list[tuple[str, str]] = [(config.folders.i18n, "")]
    if config.i18n.themes:
        folders += [(f"{theme}/i18n", Path(theme).name) for theme in config.folders.themes]
    output_root = config.root / config.folders.i18n
    found: list[Resource] = []
    for folder, theme in folders:
        path = config.root / folder
        if not path.is_dir():
            continue
        for file in sorted(path.iterdir()):
            fmt = format_of(file)
            language = file.name[: len(file.name) - len(file.suffix)]
            if fmt is None or not file.is_file() or not _is_source_language(config, language):
                continue
            place = output_root / theme if theme else output_root
            outputs = {t: place / f"{_key(config, t)}{file.suffix}" for t in targets}
            found.append(Resource("i18n", file, file.relative_to(config.root).as_posix(), fmt, outputs))
    return found


def _is_source_language(config: Config, name: str) -> bool:
    source = config.source_language
    return same_language(name, source) or same_language(name, _key(config, source))


def _data_files(
    config: Config, targets: tuple[str, ...], errors: list[TranslateFlowError]
) -> list[tuple[str, Resource]]:
    """(catalog name, resource) of each file the ``[data]`` globs name, outputs left out."""
    folder = config.root / config.folders.data
    if not config.data.files or not folder.is_dir():
        return []
    keys_of: dict[Path, tuple[str, ...]] = {}
    for glob, keys in config.data.files.items():
        for file in sorted(folder.glob(glob)):
            if file.is_file() and format_of(file) is not None:
                keys_of[file] = tuple(dict.fromkeys(keys_of.get(file, ()) + keys))
    languages = {_key(config, c).lower() for c in (*targets, *config.language_keys)} - {
        _key(config, config.source_language).lower()
    }
    source_key = _key(config, config.source_language)
    found: list[tuple[str, Resource]] = []
    names: dict[str, str] = {}
    for file, keys in sorted(keys_of.items()):
        inner = file.relative_to(folder)
        parts = inner.parts
        if config.data.output == "folder":
            if len(parts) > 1 and parts[0].lower() in languages:
                continue  # another language's folder: a translation
            base = Path(*parts[1:]) if len(parts) > 1 and same_language(parts[0], source_key) else inner
            outputs = {t: folder / _key(config, t) / base for t in targets}
        else:
            stem, dot, middle = file.stem.rpartition(".")
            if dot and stem and middle.lower() in languages:
                continue  # ``termbase.es.yaml``: a translation
            base = inner
            outputs = {t: file.with_name(f"{file.stem}.{_key(config, t)}{file.suffix}") for t in targets}
        rel = file.relative_to(config.root).as_posix()
        name = f"{RESERVED}/data/" + base.with_suffix("").as_posix()
        if name in names:
            errors.append(ResourceError(f"shares its catalogs with {names[name]} (same name); rename one", rel))
            continue
        names[name] = rel
        found.append((name, Resource("data", file, rel, format_of(file) or "", outputs, keys)))
    return found


def _site_files(config: Config, targets: tuple[str, ...], errors: list[TranslateFlowError]) -> list[Resource]:
    """The Hugo configuration files with the source language's strings (none when it has none);
    the first carries the outputs, ``config/_default/languages.<key>.<ext>``."""
    if not config.site.translate or config.hugo_config is None:
        return []
    source_key = _key(config, config.source_language).lower()
    files = [f for f in config_files(config) if f.language in (None, source_key)]
    files.sort(key=lambda f: f.rel != config.hugo_config)
    try:
        if not files or not site_strings(config, read_config(config, files), source_key).texts:
            return []
    except TranslateFlowError as exc:
        errors.append(exc)
        return []
    outputs = {t: config.root / output_name(_key(config, t), config.hugo_config) for t in targets}
    return [
        Resource("site", f.path, f.rel, format_of(f.path) or "", outputs if i == 0 else {}) for i, f in enumerate(files)
    ]


def _claim(
    config: Config,
    resource: Resource,
    claimed: dict[Path, str],
    confinement: Confinement,
    errors: list[TranslateFlowError],
) -> bool:
    """True when the resource's outputs are its own and safe to write."""
    for path in resource.outputs.values():
        if path in claimed:
            where = path.relative_to(config.root).as_posix()
            errors.append(ResourceError(f"would write {where}, which {claimed[path]} writes too", resource.rel))
            return False
        try:
            confinement.check(path)
        except UnsafePathError as exc:
            errors.append(exc)
            return False
    for path in resource.outputs.values():
        claimed[path] = resource.rel
    return True


def _catalog(
    config: Config,
    name: str,
    kind: str,
    resources: list[Resource],
    targets: tuple[str, ...],
    confinement: Confinement,
    errors: list[TranslateFlowError],
) -> ResourceCatalog | None:
    if not resources:
        return None
    digest = hashlib.sha256(config_fingerprint(config))
    digest.update(repr((kind, targets, config.data.output)).encode())
    if kind == "site":
        digest.update(repr(config.site.params).encode())
    try:
        for resource in resources:
            digest.update(repr((resource.rel, resource.keys)).encode() + b"\x00" + read_resource(config, resource))
    except TranslateFlowError as exc:
        errors.append(exc)
        return None
    catalog = ResourceCatalog(name, kind, tuple(resources), config.source_language, targets, digest.hexdigest(), False)
    try:
        for path in catalog.catalog_paths(config):
            confinement.check(path)
    except UnsafePathError as exc:
        errors.append(exc)
        return None
    known = read_fingerprint(catalog.pot_path(config))
    return replace(catalog, fresh=known is not None and known.digest == catalog.digest)
