"""The extract step: articles → POT templates and PO catalogs, keeping every translation.

Phase 1 (in parallel with ``jobs``): each article that changed is planned and applied
on its own (``extract_article.py``). Phase 2 (main process): the project-wide
look-up and the final fingerprints (``extract_project.py``). ``would_change`` is the
``--check`` form: plans only, nothing written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.config import Config
from translate_flow.config.language_cache import keep_languages
from translate_flow.fsutil import remove_stale_temp_files
from translate_flow.lazy import lazy
from translate_flow.parallel import run_tasks
from translate_flow.project.catalog_names import per_article
from translate_flow.project.discover import Discovery, Source, Unresolved, discover, shard_rels
from translate_flow.project.discover import select_sources as select
from translate_flow.project.locale_folders import TEMPLATES
from translate_flow.project.lock import project_lock
from translate_flow.project.segment_cache import prune_segments, save_segment_rows
from translate_flow.project.state import STATE_DIR
from translate_flow.qa.site_findings import locale_folder_findings, project_targets
from translate_flow.reports import Notice, Report
from translate_flow.resources.discover import resources_of, select_catalogs
from translate_flow.steps.extract_options import ExtractOptions

# The work on one article, shared catalog or resource (the Markdown parser, the PO files) is
# imported only when there is some, in the process that does it: a no-op run never does.
if TYPE_CHECKING:
    from translate_flow.resources.model import ResourceCatalog
    from translate_flow.steps.extract_article import changed_catalogs, extract_article
    from translate_flow.steps.extract_group import changed_group_catalogs, extract_group
    from translate_flow.steps.extract_project import confirm_stamps, fill_from_project, folders_with_catalogs
    from translate_flow.steps.extract_resource import changed_resource_catalogs, extract_resource
else:
    changed_catalogs = lazy("translate_flow.steps.extract_article:changed_catalogs")
    extract_article = lazy("translate_flow.steps.extract_article:extract_article")
    changed_group_catalogs = lazy("translate_flow.steps.extract_group:changed_group_catalogs")
    extract_group = lazy("translate_flow.steps.extract_group:extract_group")
    confirm_stamps = lazy("translate_flow.steps.extract_project:confirm_stamps")
    fill_from_project = lazy("translate_flow.steps.extract_project:fill_from_project")
    folders_with_catalogs = lazy("translate_flow.steps.extract_project:folders_with_catalogs")
    changed_resource_catalogs = lazy("translate_flow.steps.extract_resource:changed_resource_catalogs")
    extract_resource = lazy("translate_flow.steps.extract_resource:extract_resource")

__all__ = ["ExtractOptions", "extract", "resource_todo", "would_change"]

ROWS_PER_SAVE = 64
"""Articles whose segments are saved in one transaction."""


def todo(
    config: Config, discovery: Discovery, paths: Iterable[Path], options: ExtractOptions, report: Report
) -> list[Source | Unresolved]:
    """The articles extract must look at; fresh ones with all their catalogs are counted as skipped."""
    paths = list(paths)
    shard = shard_rels(config, discovery)
    found: list[Source | Unresolved] = list(select(discovery.unresolved, paths, shard))
    for source in select(discovery.sources, paths, shard):
        catalogs = source.catalog_paths(config)
        if source.fresh and not options.force and all(p.exists() for p in catalogs):
            report.unchanged += len(catalogs)
            report.skipped += 1
        else:
            found.append(source)
    return sorted(found, key=lambda s: s.path)


def group_todo(
    config: Config, discovery: Discovery, paths: Iterable[Path], options: ExtractOptions, report: Report
) -> list[list[Source]]:
    """The shared catalogs extract must plan, each as its articles; a catalog is planned whole,
    even when only some of its articles are under ``paths``, so no other article's texts go."""
    groups: dict[str, list[Source]] = {}
    for source in discovery.sources:
        groups.setdefault(source.catalog, []).append(source)
    wanted = {source.catalog for source in select(discovery.sources, list(paths), shard_rels(config, discovery))}
    found: list[list[Source]] = []
    for catalog, members in sorted(groups.items()):
        if catalog not in wanted:
            continue
        files = {path for member in members for path in member.catalog_paths(config)}
        if all(m.fresh for m in members) and not options.force and all(p.exists() for p in files):
            report.unchanged += len(files)
            report.skipped += len(members)
        else:
            found.append(members)
    return found


def resource_todo(
    config: Config, discovery: Discovery, paths: Iterable[Path], options: ExtractOptions, report: Report
) -> list[ResourceCatalog]:
    """The resource catalogs extract must look at; fresh ones with all their files are skipped."""
    found = resources_of(config, discovery)
    report.errors.extend(found.errors)
    todo: list[ResourceCatalog] = []
    for catalog in select_catalogs(found.catalogs, paths, config.shard):
        files = catalog.catalog_paths(config)
        if catalog.fresh and not options.force and all(p.exists() for p in files):
            report.unchanged += len(files)
            report.skipped += 1
        else:
            todo.append(catalog)
    return todo


def _start(config: Config, discovery: Discovery | None) -> tuple[Discovery, Report]:
    discovery = discovery or discover(config, lazy=True)
    return discovery, Report(notices=list(discovery.notices), errors=list(discovery.errors))


def _stray_folders(config: Config, discovery: Discovery, written: Iterable[str]) -> list[Notice]:
    """Folders under ``locales/`` that hold no target language's catalogs, once each."""
    # A lone article resolved during the run has targets discovery never saw: its catalogs say them.
    locales = config.locales_path.relative_to(config.root).parts
    used = {Path(rel).parts[len(locales)] for rel in written if Path(rel).parts[: len(locales)] == locales}
    targets = project_targets(config, discovery.sources) | {name for name in used if name != TEMPLATES}
    return [Notice(f.path, None, f.message) for f in locale_folder_findings(config, targets)]


def would_change(
    config: Config, paths: Iterable[Path] = (), jobs: int = 1, discovery: Discovery | None = None
) -> Report:
    """The catalogs extract would change (``Report.written``), from plans only: nothing is written."""
    discovery, report = _start(config, discovery)
    options = ExtractOptions(jobs=jobs)
    paths = list(paths)
    resources = resource_todo(config, discovery, paths, options, report)
    if per_article(config.catalogs):
        articles = run_tasks(
            partial(changed_catalogs, config, options), todo(config, discovery, paths, options, report), jobs
        )
    else:
        groups = group_todo(config, discovery, paths, options, report)
        articles = run_tasks(partial(changed_group_catalogs, config, options), groups, jobs)
    for part in chain(
        articles,
        run_tasks(partial(changed_resource_catalogs, config, options), resources, jobs),
    ):
        report.written.extend(part.written)
        report.unchanged += part.unchanged
        report.notices.extend(part.notices)
        report.errors.extend(part.errors)
    return report


def extract(config: Config, paths: Iterable[Path] = (), options: ExtractOptions | None = None) -> Report:
    """Write the POT template and one PO file per target language for each source article."""
    options = options or ExtractOptions()
    paths = list(paths)
    with project_lock(config.root, config.locales_path, "extract", config.lock_timeout):
        remove_stale_temp_files(config.locales_path)
        # Caches are written atomically too; a run killed mid-write leaves its temporary file there.
        remove_stale_temp_files(config.root / STATE_DIR)
        discovery, report = _start(config, None)
        options = replace(options, memory_folders=folders_with_catalogs(config))
        unmatched: list[tuple[str, str]] = []
        stamps: list[str] = []
        if per_article(config.catalogs):
            items = todo(config, discovery, paths, options, report)
            planned = bool(items)
            articles = run_tasks(partial(extract_article, config, options), items, options.jobs)
        else:
            groups = group_todo(config, discovery, paths, options, report)
            planned = bool(groups)
            articles = run_tasks(partial(extract_group, config, options), groups, options.jobs)
        resources = resource_todo(config, discovery, paths, options, report)
        rows: list[tuple[str, str]] = []
        for outcome in chain(
            articles,
            run_tasks(partial(extract_resource, config, options), resources, options.jobs),
        ):
            # Saved here, in batches, while the workers go on: one writer, one transaction per batch.
            rows.extend(outcome.segments)
            if len(rows) >= ROWS_PER_SAVE:
                save_segment_rows(config.root, rows)
                rows = []
            report.written.extend(outcome.report.written)
            report.unchanged += outcome.report.unchanged
            report.notices.extend(outcome.report.notices)
            report.errors.extend(outcome.report.errors)
            unmatched.extend(outcome.unmatched.items())
            if outcome.stamp:
                stamps.append(outcome.stamp)
        save_segment_rows(config.root, rows)
        languages = {*config.languages, *(lang for source in discovery.sources for lang in source.targets)}
        fill_from_project(config, unmatched, report, tuple(sorted(languages)))
        if stamps:
            confirm_stamps(config, stamps, report)
        report.notices.extend(_stray_folders(config, discovery, report.written))
        if not paths and planned:
            # Only a run that parsed something prunes: a no-op run stays clear of SQLite, and
            # the rows of a deleted article wait for the next change, costing only disk space.
            digests = {s.digest for s in discovery.sources} | {s.digest for s in discovery.unresolved}
            prune_segments(config.root, digests)
        # The codes discovery validated (a file name's `.fa.`) are answered without Babel next time.
        keep_languages(config.root)
    return report
