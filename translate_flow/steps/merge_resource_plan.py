"""Resource catalogs planned for merge: each translated i18n table and data file, in memory.

``plan_resource_outputs`` computes every output from the PO files and decides which
translations may be published (the same validator as for articles, plus the template
check of i18n strings); ``check`` consumes the same plans, and ``merge_resource`` writes them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.update import has_translation
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.languages import parse_language
from translate_flow.reports import Notice, Report
from translate_flow.resources.load import load_catalog, render_reading
from translate_flow.resources.model import Rendered, Resource, ResourceCatalog, Translations
from translate_flow.resources.plurals import form_numbers
from translate_flow.resources.validate import entry_problems
from translate_flow.steps.target_catalog import read_target_catalog

__all__ = ["PlannedResource", "ResourcePart", "plan_catalog", "plan_resource_outputs", "publishable_resource"]


@dataclass(frozen=True)
class PlannedResource:
    """What merge would do for one resource file and target language."""

    resource: Resource
    language: str
    path: Path
    """Where the translated file goes."""
    po_rel: str
    """The PO file it comes from."""
    data: bytes | None
    """The file's bytes, or None when nothing is to be written."""
    rendered: Rendered
    held: tuple[Notice, ...] = ()
    """Translations of this file kept out because it could not hold them."""
    skipped: tuple[Notice, ...] = ()
    """Why nothing is written (below ``min_percent``, nothing translated)."""


def publishable_resource(
    config: Config, po: polib.POFile, language: str, include_fuzzy: bool, po_rel: str, lines: Mapping[int, int]
) -> tuple[Translations, list[Notice], dict[Key, int]]:
    """The translations merge may publish, a notice for each one held back, and each entry's line."""
    plural_forms = po.metadata.get("Plural-Forms") or parse_language(language).plural_forms
    numbers = form_numbers(language, plural_forms)
    texts: dict[Key, str] = {}
    plurals: dict[Key, dict[str, str]] = {}
    held: list[Notice] = []
    line_of: dict[Key, int] = {}
    for entry in po:
        if entry.obsolete or not has_translation(entry) or ("fuzzy" in entry.flags and not include_fuzzy):
            continue
        line_of[entry_key(entry)] = lines.get(entry.linenum, entry.linenum)
        found = entry_problems(entry, config.check.disable, config.math, config.shortcodes)
        if found:
            held.append(Notice(po_rel, line_of[entry_key(entry)], f"not merged: {found[0].message}"))
        elif entry.msgid_plural:
            forms = {name: entry.msgstr_plural.get(number, "") for name, number in numbers.items()}
            if all(forms.values()):
                plurals[entry_key(entry)] = forms
        else:
            texts[entry_key(entry)] = entry.msgstr
    return Translations(language, texts, plurals), held, line_of


def plan_resource_outputs(
    config: Config,
    catalog: ResourceCatalog,
    include_fuzzy: bool,
    report: Report,
    languages: Collection[str] | None = None,
    catalogs: Mapping[str, polib.POFile] | None = None,
) -> Iterator[PlannedResource]:
    """Compute each translated file of the catalog in memory; problems go into ``report``.

    ``catalogs`` may hold PO files the caller already parsed, by language.
    """
    wanted = [lang for lang in catalog.targets if languages is None or lang in languages]
    if not wanted:
        return
    try:
        readings = load_catalog(config, catalog)
    except TranslateFlowError as exc:
        report.errors.append(exc)
        return
    for language in wanted:
        po_path = catalog.po_path(config, language)
        po_rel = po_path.relative_to(config.root).as_posix()
        lines: Mapping[int, int] = {}
        if catalogs is not None and language in catalogs:
            po = catalogs[language]
        else:
            found = read_target_catalog(po_path, po_rel, report)
            if found is None:
                continue
            po, _, lines = found
        try:
            translations, held, line_of = publishable_resource(config, po, language, include_fuzzy, po_rel, lines)
        except TranslateFlowError as exc:
            report.errors.append(TranslateFlowError(exc.message, po_rel))
            continue
        report.notices.extend(held)
        report.held_back += len(held)
        for reading in readings:
            path = reading.resource.outputs.get(language)
            if path is None:
                continue
            try:
                rendered = render_reading(reading, translations)
            except TranslateFlowError as exc:
                report.errors.append(exc)
                continue
            yield _planned(config, reading.resource, language, path, po_rel, rendered, line_of)


def _planned(
    config: Config,
    resource: Resource,
    language: str,
    path: Path,
    po_rel: str,
    rendered: Rendered,
    line_of: Mapping[Key, int],
) -> PlannedResource:
    out_rel = path.relative_to(config.root).as_posix()
    held = tuple(Notice(po_rel, line_of.get(key), f"not merged into {out_rel}: {why}") for key, why in rendered.held)
    data = rendered.data
    skipped: tuple[Notice, ...] = ()
    if data is None:
        if rendered.why_not:
            why = rendered.why_not
        elif rendered.held:
            why = f"every translation in {po_rel} is held back (see above)"
        else:
            why = f"nothing in {po_rel} is translated yet"
        skipped = (Notice(out_rel, None, f"not written: {why}"),)
    elif resource.kind == "data" and rendered.percent < config.min_percent:
        # An i18n table or site settings are written with any string translated: Hugo falls back per string.
        message = (
            f"not written: {rendered.percent:.0f}% translated in {po_rel}, below min_percent {config.min_percent:g}%"
        )
        data, skipped = None, (Notice(out_rel, None, message),)
    return PlannedResource(resource, language, path, po_rel, data, rendered, held, skipped)


@dataclass
class ResourcePart:
    """One resource catalog's planned files, and what planning it found."""

    report: Report
    """Errors, notices and held-back entries met while planning."""
    planned: list[PlannedResource]
    """Every file of the catalog in every target language."""


def plan_catalog(config: Config, include_fuzzy: bool, catalog: ResourceCatalog) -> ResourcePart:
    """The files of one resource catalog, planned (the task merge's workers run)."""
    report = Report()
    return ResourcePart(report, list(plan_resource_outputs(config, catalog, include_fuzzy, report)))
