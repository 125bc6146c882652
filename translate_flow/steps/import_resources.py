"""Import for resource catalogs: the site's existing translated i18n tables, data files and
per-language settings → the ``_hugo/`` PO entries, by key (``adopt.resource_values``).

For each resource catalog and target language, the files read are the ones Hugo reads for
that language:

- an i18n table: ``<lang>.<ext>`` (any of Hugo's formats, any case) in the folder merge writes
  to, then, for a theme's table, in the site's ``i18n/`` and in the theme's own ``i18n/``
  folder (the site's wins, as in Hugo);
- a data file: the translated file merge writes (``data/fr/x.yaml`` or ``x.fr.yaml``);
- the site strings: the language's own settings (``languages.<key>.title`` and the like)
  in any configuration file, each value from the file Hugo takes it from.

A file merge wrote (the ownership record) is skipped: it holds source text where the PO
file was empty. Files are only read; each PO file is written atomically, and only when it
changes, and a save made meanwhile is read again and the import redone on it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from translate_flow.adopt.catalog_file import fill_po_file
from translate_flow.adopt.fill_resource import ResourceFillCounts, fill_resource
from translate_flow.adopt.resource_values import FoundValue, data_found, i18n_found, site_found
from translate_flow.catalog.entry_keys import Key
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import read_regular
from translate_flow.project.discover import Discovery
from translate_flow.project.ownership import Ownership
from translate_flow.reports import Notice, Report
from translate_flow.resources.discover import read_resource, resources_of, select_catalogs
from translate_flow.resources.i18n_table import read_table
from translate_flow.resources.load import Reading, load_catalog
from translate_flow.resources.model import ResourceCatalog
from translate_flow.resources.parse import parse_document
from translate_flow.resources.tree import format_of
from translate_flow.steps.merge_resource_plan import plan_resource_outputs

__all__ = ["ResourceImport", "ResourceImports", "import_resources"]

NOT_IMPORTED = "not imported: merge wrote it from the PO file"


@dataclass(frozen=True)
class ResourceImport:
    """What import did with one translated resource file."""

    kind: str
    """``i18n``, ``data`` or ``site``."""
    source: str
    """The source file (project-relative); for site strings, the main configuration file."""
    file: str
    """The translated file read (project-relative)."""
    language: str
    """Its language."""
    catalog: str
    """The PO file filled."""
    output: str
    """The file merge writes for this source and language."""
    counts: ResourceFillCounts
    """Entries imported, already there, in conflict, missing from the file."""
    reproduced: bool
    """``file`` is ``output`` and merge would now write exactly its bytes (so merge takes it over)."""
    written: bool
    """The PO file changed."""


@dataclass
class ResourceImports:
    """The rows, notices and errors of the resource part of an import."""

    rows: list[ResourceImport] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    errors: list[TranslateFlowError] = field(default_factory=list)


@dataclass(frozen=True)
class _Source:
    """One translated file's values for one source file of a catalog."""

    reading: Reading
    rel: str
    data: bytes | None
    """The file's bytes (None for configuration files, which merge never writes)."""
    found: tuple[FoundValue, ...]
    entries: int


def import_resources(
    config: Config,
    discovery: Discovery,
    paths: Iterable[Path],
    ownership: Ownership,
    *,
    fuzzy: bool,
    replace: bool,
    languages: Collection[str] = (),
    failed: Collection[str] = (),
) -> ResourceImports:
    """Fill every resource catalog from the site's translated resources (under the caller's lock).

    Catalogs with a file in ``failed`` (extract could not read it) are left out.
    """
    result = ResourceImports()
    # Discovery's own errors were extract's, and are in its report already.
    catalogs = select_catalogs(resources_of(config, discovery).catalogs, paths)
    for catalog in catalogs:
        if any(resource.rel in failed for resource in catalog.resources):
            continue
        try:
            readings = load_catalog(config, catalog)
        except TranslateFlowError as exc:
            result.errors.append(exc)
            continue
        for language in catalog.targets:
            if languages and language not in languages:
                continue
            sources = _sources(config, ownership, readings, language, result)
            if not sources:
                continue
            try:
                _import_catalog(config, catalog, language, sources, fuzzy, replace, result)
            except TranslateFlowError as exc:
                result.errors.append(exc)
    return result


def _sources(
    config: Config, ownership: Ownership, readings: list[Reading], language: str, result: ResourceImports
) -> list[_Source]:
    """The translated files of one language with their values, in the order Hugo prefers them."""
    found: list[_Source] = []
    for reading in readings:
        if reading.site is not None:
            found += _site_sources(config, ownership, reading, language, result)
            continue
        output = reading.resource.outputs.get(language)
        if output is None:
            continue
        taken: set[Key] = set()
        for path in _candidates(config, reading, output):
            rel = path.relative_to(config.root).as_posix()
            try:
                data = read_resource(config, replace(reading.resource, path=path, rel=rel))
                if ownership.ours(rel, data):
                    _skipped(result, rel)
                    continue
                doc = parse_document(data, rel, format_of(path) or reading.resource.format)
                if reading.table is not None:
                    values = i18n_found(reading.texts, read_table(doc))
                else:
                    values = data_found(reading.values, doc)
            except TranslateFlowError as exc:
                result.errors.append(exc)
                continue
            # A key an earlier file gives is that file's in Hugo: a later one is not asked for it.
            keys = {text.key for text in reading.texts} - taken
            values = [value for value in values if value.key in keys]
            taken.update(value.key for value in values)
            found.append(_Source(reading, rel, data, tuple(values), len(keys)))
    return found


def _skipped(result: ResourceImports, rel: str) -> None:
    notice = Notice(rel, None, NOT_IMPORTED)
    if notice not in result.notices:  # the site's table is also looked at for a theme's
        result.notices.append(notice)


def _candidates(config: Config, reading: Reading, output: Path) -> list[Path]:
    """The translated files of one source file that exist, in Hugo's precedence: the output
    first, then the same name in another of Hugo's formats, then (a theme's table) the site's
    own table of that language and the theme's own translation."""
    stem = output.name[: len(output.name) - len(output.suffix)].lower()
    folders = [output.parent]
    if reading.table is not None:
        # A theme's table: the site's own i18n folder overrides the theme's ids in Hugo
        # (whichever file there holds them), then the theme's own translation.
        folders += [config.root / config.folders.i18n, reading.resource.path.parent]
    folders = list(dict.fromkeys(folders))
    found: list[Path] = [output] if output.is_file() else []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            name = path.name[: len(path.name) - len(path.suffix)].lower()
            if name == stem and format_of(path) is not None and path.is_file() and path not in found:
                found.append(path)
    return [path for path in found if path != reading.resource.path]


def _site_sources(
    config: Config, ownership: Ownership, reading: Reading, language: str, result: ResourceImports
) -> list[_Source]:
    """The language's own site strings, one source per configuration file that sets any."""
    assert reading.site is not None
    if language not in reading.site.outputs:
        return []
    key, out_rel = reading.site.outputs[language]
    output = config.root / out_rel
    try:
        if output.is_file() and ownership.ours(out_rel, read_regular(output)):
            # load_catalog already left merge's own file out of the configuration it read.
            _skipped(result, out_rel)
    except OSError:
        pass  # gone meanwhile: nothing of merge's to mention
    by_file: dict[str, list[FoundValue]] = {}
    for rel, value in site_found(reading.site, key):
        by_file.setdefault(rel, []).append(value)
    total = len({text.key for text in reading.texts})
    return [_Source(reading, rel, None, tuple(values), total) for rel, values in by_file.items()]


def _import_catalog(
    config: Config,
    catalog: ResourceCatalog,
    language: str,
    sources: list[_Source],
    fuzzy: bool,
    replace_reviewed: bool,
    result: ResourceImports,
) -> None:
    """Bring every translated file of one language into its PO file: read once, written once."""
    po_path = catalog.po_path(config, language)
    po_rel = po_path.relative_to(config.root).as_posix()

    def fill(po: polib.POFile) -> list[ResourceFillCounts]:
        return [
            fill_resource(
                config, po, language, source.found, source.entries, source.rel, fuzzy=fuzzy, replace=replace_reviewed
            )
            for source in sources
        ]

    po, counts, written = fill_po_file(config, po_path, fill)
    planned = _planned(config, catalog, language, po, fuzzy)
    for source, found in zip(sources, counts, strict=True):
        resource = source.reading.resource
        output = resource.outputs[language].relative_to(config.root).as_posix()
        reproduced = source.rel == output and source.data is not None and planned.get(output) == source.data
        result.rows.append(
            ResourceImport(
                resource.kind, resource.rel, source.rel, language, po_rel, output, found, reproduced, written
            )
        )


def _planned(
    config: Config, catalog: ResourceCatalog, language: str, po: polib.POFile, include_fuzzy: bool
) -> dict[str, bytes | None]:
    """What merge would now write for each file of the catalog, by output path."""
    outputs = plan_resource_outputs(config, catalog, include_fuzzy, Report(), [language], {language: po})
    return {plan.path.relative_to(config.root).as_posix(): plan.data for plan in outputs}
