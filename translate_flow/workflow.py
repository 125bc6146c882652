"""The steps users run, as library calls that return reports (the CLI prints them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.catalog import build_catalog, entries_for, read_catalog, translations, write_catalog
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import remove_stale_temp_files, write_if_changed
from translate_flow.languages import parse_language
from translate_flow.lock import project_lock
from translate_flow.memory import TranslationMemory
from translate_flow.merge import merge_article
from translate_flow.pretranslate import PretranslateReport
from translate_flow.project import HASH_FIELD, LANGUAGE_FIELD, TARGETS_FIELD, Source, discover, select_sources
from translate_flow.segment import segment_article


@dataclass(frozen=True)
class Notice:
    """A message about one file that is not an error."""

    path: str
    """Project-relative path."""
    line: int | None
    """1-based line, when it concerns one."""
    message: str
    """What happened."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Report:
    """What a step did: files written, files left alone, notices and errors."""

    written: list[str] = field(default_factory=list)
    """Files created or changed (project-relative)."""
    unchanged: int = 0
    """Files whose content was already right and were not touched."""
    skipped: int = 0
    """Articles not even parsed, because their fingerprint showed nothing changed."""
    notices: list[Notice] = field(default_factory=list)
    """Things the user should know that are not failures (skips, thresholds)."""
    errors: list[TranslateFlowError] = field(default_factory=list)
    """Per-file failures; the other files were still processed."""

    @property
    def ok(self) -> bool:
        return not self.errors


def _rel(config: Config, path: Path) -> str:
    return path.relative_to(config.root).as_posix()


@dataclass(frozen=True)
class ExtractOptions:
    """How extract treats existing catalogs."""

    force: bool = False
    """Re-extract articles whose fingerprint says nothing changed."""
    check: bool = False
    """Write nothing; report the files that would change."""
    keep_obsolete: bool = True
    """Keep removed texts' translations as obsolete entries."""


class _Memories:
    """Each language's project-wide memory, read from disk only if some entry needs it."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.loaded: dict[str, TranslationMemory] = {}

    def loader(self, language: str) -> Callable[[], TranslationMemory | None]:
        def load() -> TranslationMemory:
            if language not in self.loaded:
                folder = self.config.locales_path / language
                self.loaded[language] = TranslationMemory.from_catalogs(sorted(folder.rglob("*.po")))
            return self.loaded[language]

        return load


def extract(config: Config, paths: Iterable[Path] = (), options: ExtractOptions = ExtractOptions()) -> Report:
    """Write the POT template and one PO file per target language for each source article."""
    if options.check:
        return _extract(config, paths, options)
    with project_lock(config.locales_path, "extract", config.lock_timeout):
        remove_stale_temp_files(config.locales_path)
        return _extract(config, paths, options)


def _extract(config: Config, paths: Iterable[Path], options: ExtractOptions) -> Report:
    report = Report()
    discovery = discover(config)
    report.errors.extend(discovery.errors)
    memories = _Memories(config)
    for source in select_sources(discovery, paths):
        catalogs = source.catalog_paths(config)
        if source.fresh and not options.force and all(p.exists() for p in catalogs):
            report.unchanged += len(catalogs)
            report.skipped += 1
            continue
        try:
            article = source.article(config)
            segments, skipped = segment_article(article, config.front_matter_keys)
        except TranslateFlowError as exc:
            report.errors.append(exc)
            continue
        for item in skipped:
            report.notices.append(Notice(article.rel, item.line, f"not extracted: {item.reason}"))
        failed = False
        # The POT goes last: its fingerprint says "all catalogs are done", so a run that
        # dies half-way is redone next time instead of being skipped.
        for path, lang in [(source.po_path(config, t), t) for t in source.targets] + [(source.pot_path(config), None)]:
            rel = _rel(config, path)
            try:
                old = read_catalog(path, rel) if path.exists() else None
                language = parse_language(lang) if lang else None
                po = build_catalog(
                    entries_for(segments, article.rel),
                    language,
                    config.project_name,
                    old,
                    config.wrap,
                    threshold=config.fuzzy_threshold,
                    keep_obsolete=options.keep_obsolete,
                    memory=memories.loader(lang) if lang else lambda: None,
                )
                if old is None:
                    po.header = _header_comment(article.rel, language.display_name if language else None)
                if language is None:
                    if failed:
                        continue
                    po.metadata[HASH_FIELD] = source.digest
                    po.metadata[LANGUAGE_FIELD] = source.language
                    po.metadata[TARGETS_FIELD] = " ".join(source.targets)
                changed = write_catalog(path, po, dry_run=options.check)
            except TranslateFlowError as exc:
                report.errors.append(exc)
                failed = True
                continue
            except OSError as exc:
                report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", rel))
                failed = True
                continue
            if changed:
                report.written.append(rel)
            else:
                report.unchanged += 1
    return report


def _header_comment(rel: str, language_name: str | None) -> str:
    if language_name is None:
        return f"Template of the translatable texts of {rel}.\nGenerated by translate-flow; do not edit."
    return f"{language_name} translation of {rel}."


def merge(config: Config, paths: Iterable[Path] = (), include_fuzzy: bool = False) -> Report:
    """Write each translated article whose PO file is translated enough."""
    with project_lock(config.locales_path, "merge", config.lock_timeout):
        remove_stale_temp_files(config.content_path)
        return _merge(config, paths, include_fuzzy)


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


def _merge(config: Config, paths: Iterable[Path], include_fuzzy: bool) -> Report:
    report = Report()
    discovery = discover(config)
    report.errors.extend(discovery.errors)
    for plan in plan_merge(config, select_sources(discovery, paths), include_fuzzy, report):
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
