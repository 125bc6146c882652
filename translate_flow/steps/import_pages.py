"""The import step: existing translated pages → PO entries (issue 16; po4a-gettextize's job).

Extract runs first, so every source has its catalogs. Then, for each source and each
target language whose page exists and was not written by merge, the page is segmented
like a source, aligned with it (``adopt.align``), and the aligned translations are brought
into that language's PO file (``adopt.fill``). The site's translated i18n tables, data files
and per-language settings then fill the resource catalogs by key (``steps.import_resources``).
Content and resource files are only read.

Each PO file is written atomically, and only when it changes; a file a translator saved
meanwhile is read again and the import redone on it. A second run finds every entry
already filled and writes nothing, so an interrupted import is simply run again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from translate_flow.adopt.align import Alignment, align_segments
from translate_flow.adopt.catalog_file import fill_po_file
from translate_flow.adopt.fill import FillCounts, fill_in_place
from translate_flow.config import Config
from translate_flow.document.article import Article, parse_article
from translate_flow.document.segment import Segment
from translate_flow.document.segmenter import segment_article
from translate_flow.errors import TranslateFlowError
from translate_flow.project.discover import Source, discover, load_article, select_sources
from translate_flow.project.lock import project_lock
from translate_flow.project.ownership import Ownership
from translate_flow.project.state import read_or_none
from translate_flow.reports import Notice, Report, StepReport
from translate_flow.steps.extract import extract
from translate_flow.steps.import_resources import ResourceImport, import_resources
from translate_flow.steps.merge_plan import plan_merge

__all__ = ["ImportOptions", "ImportReport", "PageImport", "ResourceImport", "import_translations"]


@dataclass(frozen=True)
class ImportOptions:
    """How imported translations are marked and which ones are taken."""

    fuzzy: bool = False
    """Mark imported entries fuzzy (for review) instead of reviewed."""
    replace: bool = False
    """Let a page's translation replace another reviewed translation already in the catalog."""
    languages: tuple[str, ...] = ()
    """Only these target languages (empty: all)."""


@dataclass(frozen=True)
class PageImport:
    """What import did with one translated page."""

    source: str
    """The source article (project-relative)."""
    page: str
    """The translated page read (project-relative)."""
    language: str
    """Its language."""
    catalog: str
    """The PO file filled."""
    counts: FillCounts
    """Entries imported, already there, in conflict, not paired."""
    same_structure: bool
    """The page's body has the source's structure, so every text paired one by one."""
    aligned: bool
    """False when under half of the body's texts found a partner: only front matter was imported."""
    reproduced: bool
    """Merge would now write exactly the page's bytes (so it takes the page over unchanged)."""
    written: bool
    """The PO file changed."""


@dataclass
class ImportReport(StepReport):
    """Extract's report, then one row per translated page."""

    extract: Report = field(default_factory=Report)
    """What the extract run before the import did."""
    pages: list[PageImport] = field(default_factory=list)
    """Each translated page imported from, in source order."""
    resources: list[ResourceImport] = field(default_factory=list)
    """Each translated i18n table, data file and configuration file imported from."""
    notices: list[Notice] = field(default_factory=list)
    """Pages and files skipped, and why."""


def import_translations(
    config: Config, paths: Iterable[Path] = (), options: ImportOptions | None = None
) -> ImportReport:
    """Bring the translations of existing translated pages and resource files into the PO files."""
    options = options or ImportOptions()
    paths = list(paths)
    report = ImportReport(extract=extract(config, paths))
    report.errors.extend(report.extract.errors)
    with project_lock(config.root, config.locales_path, "import", config.lock_timeout):
        try:
            ownership = Ownership(config)
        except TranslateFlowError as exc:
            report.errors.append(exc)
            return report
        discovery = discover(config)
        failed = {error.path for error in report.errors}
        # A catalog several articles share (``catalogs``) is read and written once for all its pages.
        by_catalog: dict[Path, list[_Pair]] = {}
        for source in select_sources(discovery.sources, paths):
            if source.rel in failed:
                continue
            try:
                for pair in _pairs(config, options, ownership, source, report):
                    by_catalog.setdefault(source.po_path(config, pair.language), []).append(pair)
            except TranslateFlowError as exc:
                report.errors.append(exc)
        for pairs in by_catalog.values():
            try:
                _import_catalog(config, options, pairs, report)
            except TranslateFlowError as exc:
                report.errors.append(exc)
        found = import_resources(
            config,
            discovery,
            paths,
            ownership,
            fuzzy=options.fuzzy,
            replace=options.replace,
            languages=options.languages,
            failed={path for path in failed if path},
        )
        report.resources.extend(found.rows)
        report.notices.extend(found.notices)
        report.errors.extend(found.errors)
    return report


def _segments(config: Config, article: Article) -> list[Segment]:
    return segment_article(article, config.front_matter_keys, config.math, config.shortcodes)[0]


@dataclass(frozen=True)
class _Pair:
    """A source and one of its translated pages, aligned; what a catalog's import needs."""

    source: Source
    language: str
    segments: list[Segment]
    page_segments: list[Segment]
    alignment: Alignment
    """The alignment found."""
    usable: Alignment
    """The pairs to import (front matter only, when the body did not align)."""
    aligned: bool
    """False when the body did not align."""
    page_rel: str
    page_bytes: bytes


def _pairs(
    config: Config, options: ImportOptions, ownership: Ownership, source: Source, report: ImportReport
) -> list[_Pair]:
    """The translated pages of one source that import reads, aligned with it."""
    segments = _segments(config, load_article(config, source))
    found: list[_Pair] = []
    for language in source.targets:
        if options.languages and language not in options.languages:
            continue
        page_path = source.outputs[language]
        page_rel = page_path.relative_to(config.root).as_posix()
        data = read_or_none(page_path)
        if data is None:
            continue
        if ownership.ours(page_rel, data):
            report.notices.append(Notice(page_rel, None, "not imported: merge wrote it from the PO file"))
            continue
        try:
            page_segments = _segments(
                config, parse_article(data, page_path, page_rel, language, config.math.dialect.front_matter)
            )
        except TranslateFlowError as exc:
            report.errors.append(exc)
            continue
        alignment = align_segments(segments, page_segments, config.math)
        usable, aligned = _usable(alignment, segments)
        found.append(_Pair(source, language, segments, page_segments, alignment, usable, aligned, page_rel, data))
    return found


def _usable(alignment: Alignment, source: list[Segment]) -> tuple[Alignment, bool]:
    """The pairs to import: all, or only the front matter's when the body did not align."""
    if alignment.same_structure or alignment.body_paired * 2 >= alignment.body_total:
        return alignment, True
    kept = tuple((i, j) for i, j in alignment.pairs if source[i].fm_path is not None)
    return Alignment(kept, False, alignment.body_total, 0), False


def _import_catalog(config: Config, options: ImportOptions, pairs: list[_Pair], report: ImportReport) -> None:
    """Bring the pages of ``pairs`` (all of one PO file) into it: read once, written once."""
    first = pairs[0]
    po_path = first.source.po_path(config, first.language)
    po_rel = po_path.relative_to(config.root).as_posix()

    def fill(po: polib.POFile) -> list[FillCounts]:
        return [
            fill_in_place(
                config,
                po,
                pair.segments,
                pair.page_segments,
                pair.usable,
                pair.page_rel,
                fuzzy=options.fuzzy,
                replace=options.replace,
            )
            for pair in pairs
        ]

    po, counts, written = fill_po_file(config, po_path, fill)
    for pair, found in zip(pairs, counts):
        reproduced = _reproduced(config, pair.source, pair.language, po, pair.page_bytes, options.fuzzy)
        report.pages.append(
            PageImport(
                pair.source.rel,
                pair.page_rel,
                pair.language,
                po_rel,
                found,
                pair.alignment.same_structure,
                pair.aligned,
                reproduced,
                written,
            )
        )


def _reproduced(
    config: Config, source: Source, language: str, po: polib.POFile, page_bytes: bytes, include_fuzzy: bool
) -> bool:
    """Whether merge, given ``po``, would write exactly the page's bytes."""
    planned = list(plan_merge(config, [source], include_fuzzy, Report(), [language], {language: po}))
    return len(planned) == 1 and planned[0].data == page_bytes
