"""The status step: entry and word counts per language and per article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translate_flow.catalog.io import read_catalog
from translate_flow.config import Config
from translate_flow.errors import CatalogError
from translate_flow.languages import parse_language
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import discover, select_sources, target_catalogs
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.qa.counts import Counts, count
from translate_flow.reports import StepReport
from translate_flow.resources.discover import resource_target_catalogs, resources_of, select_catalogs

__all__ = ["StatusReport", "StatusRow", "collect_status"]


@dataclass(frozen=True)
class StatusRow:
    """Progress of one language, or of one article in one language."""

    language: str
    """Target language code."""
    name: str
    """The language's display name (Babel)."""
    article: str | None
    """The source article, for per-article rows."""
    articles: int
    """Articles counted in the row."""
    counts: Counts
    """Entry and word counts."""


@dataclass
class StatusReport(StepReport):
    """Rows per language and per article."""

    languages: list[StatusRow] = field(default_factory=list)
    """One row per target language."""
    articles: list[StatusRow] = field(default_factory=list)
    """One row per article and target language."""


def _add(a: Counts, b: Counts) -> Counts:
    return Counts(
        *(
            getattr(a, f) + getattr(b, f)
            for f in ("total", "translated", "fuzzy", "untranslated", "obsolete", "words_left", "words_total")
        )
    )


def _count_file(item: tuple[str, str]) -> Counts | CatalogError:
    """Counts of one PO file (run in a worker with --jobs)."""
    path, rel = item
    try:
        return count(read_catalog(Path(path), rel))
    except CatalogError as exc:
        return exc


def collect_status(
    config: Config, paths: Iterable[Path] = (), languages: Sequence[str] = (), jobs: int = 1
) -> StatusReport:
    """Entry and word counts per language and per article; unchanged catalogs come from the cache."""
    report = StatusReport()
    wanted = {parse_language(code).code for code in languages}
    paths = list(paths)
    discovery = discover(config)
    resources = resources_of(config, discovery)
    report.errors.extend([*discovery.errors, *resources.errors])
    state = StateCache(config.root, "status")
    rows: list[tuple[str, str, int, str, Counts | None]] = []  # language, article, articles, rel, counts
    missing: list[tuple[str, str]] = []
    keys: dict[str, str] = {}
    sources = select_sources(discovery.sources, paths)
    # A catalog several articles share (``catalogs``) is one row, counted once, for all of them.
    shared: dict[str, list[str]] = {}
    for source, _, _, rel in target_catalogs(config, sources, wanted):
        shared.setdefault(rel, []).append(source.rel)
    catalogs: list[tuple[str, int, str, Path, str]] = []
    for source, lang, path, rel in target_catalogs(config, sources, wanted):
        rels = shared.pop(rel, None)
        if rels is not None:
            name = rels[0] if len(rels) == 1 else f"{source.catalog} ({len(rels)} articles)"
            catalogs.append((name, len(rels), lang, path, rel))
    # An i18n table or data file is a row of its own, named by its (first) file.
    chosen = select_catalogs(resources.catalogs, paths)
    catalogs += [
        (c.label, 1, lang, path, rel) for c, lang, path, rel in resource_target_catalogs(config, chosen, wanted)
    ]
    for name, articles, language, po_path, rel in catalogs:
        data = read_or_none(po_path)
        if data is None:
            continue
        keys[rel] = digest(data)
        cached = state.get(rel)
        if cached and cached.get("key") == keys[rel]:
            rows.append((language, name, articles, rel, Counts(**cached["counts"])))
        else:
            rows.append((language, name, articles, rel, None))
            missing.append((str(po_path), rel))
    fresh = dict(zip((rel for _, rel in missing), run_tasks(_count_file, missing, jobs)))
    totals: dict[str, tuple[int, Counts]] = {}
    for language, article, members, rel, counts in rows:
        if counts is None:
            result = fresh[rel]
            if isinstance(result, CatalogError):
                report.errors.append(result)
                continue
            counts = result
            state.put(rel, {"key": keys[rel], "counts": asdict(counts)})
        name = parse_language(language).display_name
        report.articles.append(StatusRow(language, name, article, members, counts))
        articles, total = totals.get(language, (0, Counts(0, 0, 0, 0, 0, 0, 0)))
        totals[language] = (articles + members, _add(total, counts))
    state.save()
    for language in sorted(totals):
        articles, counts = totals[language]
        report.languages.append(StatusRow(language, parse_language(language).display_name, None, articles, counts))
    report.articles.sort(key=lambda r: (r.language, r.article or ""))
    return report
