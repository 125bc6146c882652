"""The status step: entry and word counts per language and per article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translate_flow.catalog.io import read_catalog
from translate_flow.config import Config
from translate_flow.errors import CatalogError
from translate_flow.glossary.load import load_glossary
from translate_flow.glossary.model import Glossary, TermPair
from translate_flow.languages import parse_language
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import discover, select_sources, target_catalogs
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.qa.counts import Counts, count
from translate_flow.qa.glossary_coverage import GlossaryUse, glossary_use
from translate_flow.reports import StepReport
from translate_flow.resources.discover import resource_target_catalogs, resources_of, select_catalogs

__all__ = ["GlossaryCoverage", "StatusReport", "StatusRow", "collect_status"]


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


@dataclass(frozen=True)
class GlossaryCoverage:
    """How much of the glossary one target language has, and how far its translations follow it."""

    language: str
    """Target language code."""
    terms: int
    """Glossary entries of the source language with a translation (or a do-not-translate mark) for this one."""
    source_terms: int
    """Glossary entries of the source language."""
    uses: int
    """Term uses in the reviewed entries of the language's catalogs."""
    followed: int
    """Uses whose translation has the term's translation."""


@dataclass
class StatusReport(StepReport):
    """Rows per language and per article."""

    languages: list[StatusRow] = field(default_factory=list)
    """One row per target language."""
    articles: list[StatusRow] = field(default_factory=list)
    """One row per article and target language."""
    glossary: str | None = None
    """The glossary file, when the project has one."""
    coverage: list[GlossaryCoverage] = field(default_factory=list)
    """Glossary coverage per target language (empty without a glossary)."""


def _add(a: Counts, b: Counts) -> Counts:
    return Counts(
        *(
            getattr(a, f) + getattr(b, f)
            for f in ("total", "translated", "fuzzy", "untranslated", "obsolete", "words_left", "words_total")
        )
    )


def _count_file(
    item: tuple[str, str, str, str, tuple[TermPair, ...]],
) -> tuple[Counts, GlossaryUse] | CatalogError:
    """Counts and glossary use of one PO file (run in a worker with --jobs)."""
    path, rel, source, target, pairs = item
    try:
        po = read_catalog(Path(path), rel)
    except CatalogError as exc:
        return exc
    return count(po), glossary_use(po, source, target, pairs)


def collect_status(
    config: Config, paths: Iterable[Path] = (), languages: Sequence[str] = (), jobs: int = 1
) -> StatusReport:
    """Entry and word counts per language and per article; unchanged catalogs come from the cache."""
    glossary = load_glossary(config)
    report = StatusReport(glossary=glossary.path if glossary is not None else None)
    wanted = {parse_language(code).code for code in languages}
    paths = list(paths)
    discovery = discover(config)
    resources = resources_of(config, discovery)
    report.errors.extend([*discovery.errors, *resources.errors])
    state = StateCache(config.root, "status")
    # language, article, articles, rel, counts and glossary use (None until counted)
    rows: list[tuple[str, str, int, str, tuple[Counts, GlossaryUse] | None]] = []
    missing: list[tuple[str, str, str, str, tuple[TermPair, ...]]] = []
    keys: dict[str, str] = {}
    sources = select_sources(discovery.sources, paths)
    # A catalog several articles share (``catalogs``) is one row, counted once, for all of them.
    shared: dict[str, list[str]] = {}
    for source, _, _, rel in target_catalogs(config, sources, wanted):
        shared.setdefault(rel, []).append(source.rel)
    catalogs: list[tuple[str, int, str, str, Path, str]] = []
    for source, lang, path, rel in target_catalogs(config, sources, wanted):
        rels = shared.pop(rel, None)
        if rels is not None:
            name = rels[0] if len(rels) == 1 else f"{source.catalog} ({len(rels)} articles)"
            catalogs.append((name, len(rels), source.language, lang, path, rel))
    # An i18n table or data file is a row of its own, named by its (first) file.
    chosen = select_catalogs(resources.catalogs, paths)
    catalogs += [
        (c.label, 1, c.language, lang, path, rel)
        for c, lang, path, rel in resource_target_catalogs(config, chosen, wanted)
    ]
    for name, articles, source_language, language, po_path, rel in catalogs:
        data = read_or_none(po_path)
        if data is None:
            continue
        keys[rel] = digest(data, glossary.digest if glossary is not None else None)
        cached = state.get(rel)
        if cached and cached.get("key") == keys[rel] and "glossary" in cached:
            remembered = (Counts(**cached["counts"]), GlossaryUse(**cached["glossary"]))
            rows.append((language, name, articles, rel, remembered))
        else:
            rows.append((language, name, articles, rel, None))
            pairs = glossary.pairs(source_language, language) if glossary is not None else ()
            missing.append((str(po_path), rel, source_language, language, pairs))
    fresh = dict(zip((item[1] for item in missing), run_tasks(_count_file, missing, jobs)))
    totals: dict[str, tuple[int, Counts]] = {}
    used: dict[str, GlossaryUse] = {}
    for language, article, members, rel, counted in rows:
        if counted is None:
            result = fresh[rel]
            if isinstance(result, CatalogError):
                report.errors.append(result)
                continue
            counted = result
            state.put(rel, {"key": keys[rel], "counts": asdict(counted[0]), "glossary": asdict(counted[1])})
        counts, use = counted
        name = parse_language(language).display_name
        report.articles.append(StatusRow(language, name, article, members, counts))
        articles, total = totals.get(language, (0, Counts(0, 0, 0, 0, 0, 0, 0)))
        totals[language] = (articles + members, _add(total, counts))
        used[language] = used.get(language, GlossaryUse()) + use
    state.save()
    for language in sorted(totals):
        articles, counts = totals[language]
        report.languages.append(StatusRow(language, parse_language(language).display_name, None, articles, counts))
    if glossary is not None:
        report.coverage = _coverage(glossary, config.source_language, sorted(totals), used)
    report.articles.sort(key=lambda r: (r.language, r.article or ""))
    return report


def _coverage(
    glossary: Glossary, source: str, languages: list[str], used: dict[str, GlossaryUse]
) -> list[GlossaryCoverage]:
    """Per target language: the glossary's entries for it (from the site's source language), and their use."""
    total = glossary.source_terms(source)
    return [
        GlossaryCoverage(
            language, len(glossary.pairs(source, language)), total, used[language].uses, used[language].followed
        )
        for language in languages
    ]
