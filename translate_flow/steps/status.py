"""The status step: entry and word counts per language and per article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from translate_flow.catalog.io import read_catalog
from translate_flow.config import Config
from translate_flow.errors import CatalogError
from translate_flow.glossary.load import load_glossary
from translate_flow.glossary.model import Glossary, TermPair
from translate_flow.languages import parse_language
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import Source, discover, select_sources, target_catalogs
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.qa.counts import Counts, article_keys, count, keys_of_template
from translate_flow.qa.glossary_coverage import GlossaryUse, glossary_use
from translate_flow.qa.glossary_findings import unused_language_message
from translate_flow.reports import Notice, StepReport
from translate_flow.resources.discover import resource_target_catalogs, resources_of, select_catalogs

__all__ = ["GlossaryCoverage", "StatusReport", "StatusRow", "collect_status"]

_COUNTING_RULE = "counts-2"
"""Part of every cache key: counts cached under an older rule are counted again."""


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
    notices: list[Notice] = field(default_factory=list)
    """What the user should know that is no error (a glossary column no language uses)."""


def _add(a: Counts, b: Counts) -> Counts:
    return Counts(*(getattr(a, f.name) + getattr(b, f.name) for f in fields(Counts)))


@dataclass(frozen=True)
class _Counted:
    """One PO file to count, where its source's texts are, and the glossary terms to look for."""

    root: Path
    """The project root (where the segment cache is)."""
    path: Path
    """The PO file."""
    rel: str
    """Its project-relative name."""
    pot: Path
    """Its template."""
    source_digests: tuple[str, ...] | None
    """The digests of the catalog's articles: their cached segments are its texts. None for a
    resource catalog."""
    source: str
    """The language its texts are translated from."""
    target: str
    """The language they are translated into."""
    pairs: tuple[TermPair, ...]
    """The glossary's terms for that pair."""


def _count_file(item: _Counted) -> tuple[Counts, GlossaryUse] | CatalogError:
    """Counts and glossary use of one PO file (run in a worker with --jobs), against its source's
    texts: an article's segments as extract cached them (what merge splices), else the template."""
    try:
        keys = (
            article_keys(item.root, item.source_digests, item.pot)
            if item.source_digests is not None
            else keys_of_template(item.pot)
        )
        po = read_catalog(item.path, item.rel)
    except CatalogError as exc:
        return exc
    return count(po, keys), glossary_use(po, item.source, item.target, item.pairs)


def collect_status(
    config: Config, paths: Iterable[Path] = (), languages: Sequence[str] = (), jobs: int = 1
) -> StatusReport:
    """Entry and word counts per language and per article; unchanged catalogs come from the cache."""
    wanted = {parse_language(code).code for code in languages}
    paths = list(paths)
    discovery = discover(config)
    glossary = load_glossary(config, (lang for s in discovery.sources for lang in (s.language, *s.targets)))
    report = StatusReport(glossary=glossary.path if glossary is not None else None)
    if glossary is not None:
        report.notices.extend(
            Notice(glossary.path, None, unused_language_message(glossary, c)) for c in glossary.unused
        )
    resources = resources_of(config, discovery)
    report.errors.extend([*discovery.errors, *resources.errors])
    state = StateCache(config.root, "status")
    # language, article, articles, rel, counts and glossary use (None until counted)
    rows: list[tuple[str, str, int, str, tuple[Counts, GlossaryUse] | None]] = []
    missing: list[_Counted] = []
    keys: dict[str, str] = {}
    sources = select_sources(discovery.sources, paths)
    # A catalog several articles share (``catalogs``) is one row, counted once, for all of them.
    shared: dict[str, list[Source]] = {}
    for source, _, _, rel in target_catalogs(config, sources, wanted):
        shared.setdefault(rel, []).append(source)
    catalogs: list[tuple[str, int, str, str, Path, str, Path, tuple[str, ...] | None]] = []
    for source, lang, path, rel in target_catalogs(config, sources, wanted):
        group = shared.pop(rel, None)
        if group is not None:
            name = group[0].rel if len(group) == 1 else f"{source.catalog} ({len(group)} articles)"
            digests = tuple(member.digest for member in group)
            catalogs.append((name, len(group), source.language, lang, path, rel, source.pot_path(config), digests))
    # An i18n table or data file is a row of its own, named by its (first) file.
    chosen = select_catalogs(resources.catalogs, paths)
    catalogs += [
        (c.label, 1, c.language, lang, path, rel, c.pot_path(config), None)
        for c, lang, path, rel in resource_target_catalogs(config, chosen, wanted)
    ]
    for name, articles, source_language, language, po_path, rel, pot, source_digests in catalogs:
        data = read_or_none(po_path)
        if data is None:
            continue
        glossary_digest = glossary.digest if glossary is not None else None
        keys[rel] = digest(_COUNTING_RULE, data, glossary_digest, read_or_none(pot), *(source_digests or ()))
        cached = state.get(rel)
        if cached and cached.get("key") == keys[rel] and "glossary" in cached:
            remembered = (Counts(**cached["counts"]), GlossaryUse(**cached["glossary"]))
            rows.append((language, name, articles, rel, remembered))
        else:
            rows.append((language, name, articles, rel, None))
            pairs = glossary.pairs(source_language, language) if glossary is not None else ()
            missing.append(_Counted(config.root, po_path, rel, pot, source_digests, source_language, language, pairs))
    fresh = dict(zip((item.rel for item in missing), run_tasks(_count_file, missing, jobs)))
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
        articles, total = totals.get(language, (0, Counts(0, 0, 0, 0, 0, 0, 0, 0)))
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
