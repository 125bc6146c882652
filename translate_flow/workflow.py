"""The steps users run, as library calls that return reports (the CLI prints them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from translate_flow.catalog import read_catalog, translations
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.extract import ExtractOptions, run_extract
from translate_flow.fsutil import remove_stale_temp_files, write_if_changed
from translate_flow.lock import project_lock
from translate_flow.merge import merge_article
from translate_flow.parallel import run_tasks
from translate_flow.pretranslate import PretranslateReport
from translate_flow.project import Source, discover, select_sources
from translate_flow.reports import Notice, Report
from translate_flow.segment import segment_article


def _rel(config: Config, path: Path) -> str:
    return path.relative_to(config.root).as_posix()


def extract(config: Config, paths: Iterable[Path] = (), options: ExtractOptions | None = None) -> Report:
    """Write the POT template and one PO file per target language for each source article."""
    options = options or ExtractOptions()
    if options.check:
        return run_extract(config, paths, options)
    with project_lock(config.locales_path, "extract", config.lock_timeout):
        remove_stale_temp_files(config.locales_path)
        return run_extract(config, paths, options)


def merge(config: Config, paths: Iterable[Path] = (), include_fuzzy: bool = False, jobs: int = 1) -> Report:
    """Write each translated article whose PO file is translated enough."""
    with project_lock(config.locales_path, "merge", config.lock_timeout):
        remove_stale_temp_files(config.content_path)
        return _merge(config, paths, include_fuzzy, jobs)


@dataclass(frozen=True)
class PlannedOutput:
    """What merge would do for one source and target language."""

    source: Source
    """The source article."""
    language: str
    """The target language."""
    path: Path
    """Where the translated article goes."""
    po_rel: str
    """The PO file it comes from (project-relative)."""
    data: bytes | None
    """The article's bytes, or None below the threshold."""
    percent: float
    """Share of entries with a usable translation."""


def plan_merge(
    config: Config, sources: Iterable[Source], include_fuzzy: bool, report: Report
) -> Iterator[PlannedOutput]:
    """Compute each translated article in memory; problems go into ``report``."""
    for source in sources:
        if not source.outputs:
            continue
        try:
            article = source.article(config)
            segments, _ = segment_article(article, config.front_matter_keys)
        except TranslateFlowError as exc:
            report.errors.append(exc)
            continue
        for lang, out in source.outputs.items():
            po_path = source.po_path(config, lang)
            po_rel = _rel(config, po_path)
            if not po_path.exists():
                report.notices.append(Notice(po_rel, None, "no PO file yet; run `translate-flow extract`"))
                continue
            try:
                po = read_catalog(po_path, po_rel)
            except TranslateFlowError as exc:
                report.errors.append(exc)
                continue
            result = merge_article(article, segments, translations(po, include_fuzzy), lang)
            percent = 100.0 * result.translated / result.total if result.total else 100.0
            data = article.encode(result.text) if percent >= config.min_percent else None
            yield PlannedOutput(source, lang, out, po_rel, data, percent)


def _merge_source(config: Config, include_fuzzy: bool, source: Source) -> Report:
    report = Report()
    for plan in plan_merge(config, [source], include_fuzzy, report):
        out_rel = _rel(config, plan.path)
        if plan.data is None:
            report.notices.append(
                Notice(
                    out_rel,
                    None,
                    f"not written: {plan.percent:.0f}% translated in {plan.po_rel}, "
                    f"below min_percent {config.min_percent:g}%",
                )
            )
            continue
        try:
            changed = write_if_changed(plan.path, plan.data)
        except OSError as exc:
            report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", out_rel))
            continue
        if changed:
            report.written.append(out_rel)
        else:
            report.unchanged += 1
    return report


def _merge(config: Config, paths: Iterable[Path], include_fuzzy: bool, jobs: int) -> Report:
    report = Report()
    discovery = discover(config)
    report.errors.extend(discovery.errors)
    sources = [s for s in select_sources(discovery, paths) if s.outputs]
    for part in run_tasks(partial(_merge_source, config, include_fuzzy), sources, jobs):
        report.written.extend(part.written)
        report.unchanged += part.unchanged
        report.notices.extend(part.notices)
        report.errors.extend(part.errors)
    return report


def pretranslate(
    config: Config,
    paths: Iterable[Path] = (),
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
) -> PretranslateReport:
    """Machine drafts for empty entries (see translate_flow.pretranslate), under the project lock."""
    from translate_flow.pretranslate import pretranslate as run

    with project_lock(config.locales_path, "pretranslate", config.lock_timeout):
        remove_stale_temp_files(config.locales_path)
        return run(config, paths, languages, engines, progress, on_total)
