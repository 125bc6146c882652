"""The check step, the CI gate: what is missing, stale, untranslated, fuzzy or broken.

It consumes the plans of extract and merge (``would_change``, ``plan_merge``) and
never runs their write paths; the only file it writes is its own cache of findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import polib

from translate_flow.catalog.io import msgstr_lines, parse_catalog
from translate_flow.config import Config
from translate_flow.document.link_definitions import NO_DEFINITIONS
from translate_flow.errors import ArticleError, CatalogError, ConfigError, TranslateFlowError
from translate_flow.glossary.load import load_glossary
from translate_flow.glossary.model import Glossary
from translate_flow.languages import parse_language
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import Source, discover, select_sources, shard_rels
from translate_flow.project.ownership import Ownership
from translate_flow.project.pages import Pages
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.qa.counts import article_keys, count
from translate_flow.qa.finding import Finding
from translate_flow.qa.findings import (
    Gate,
    catalog_findings,
    entry_findings,
    po_level_findings,
    unmatched_findings,
    unreviewed_findings,
)
from translate_flow.qa.glossary_findings import glossary_findings, unused_language_findings
from translate_flow.qa.names import CATEGORIES, CHECK_NAMES
from translate_flow.qa.site_findings import hugo_language_findings, locale_folder_findings, project_targets
from translate_flow.reports import Report, StepReport
from translate_flow.steps.check_output import output_findings
from translate_flow.steps.check_resource import resource_findings
from translate_flow.steps.extract import would_change
from translate_flow.steps.merge_page import legacy_pages
from translate_flow.steps.text_definitions import definitions_by_text


def gate_of(config: Config, fail_on: Sequence[str] = (), min_percent: float | None = None) -> Gate:
    """The gate from the config, with overrides (``--fail-on``, ``--min-percent``)."""
    # The same names as ``[check] fail_on``: the option overrides the setting.
    for name in fail_on:
        if name not in CHECK_NAMES:
            raise ConfigError(f"fail_on: unknown category or check {name!r}; known: {', '.join(CATEGORIES)}")
    settings = config.check
    chosen = tuple(fail_on) or settings.fail_on
    base = Gate()
    return Gate(
        fail_on=frozenset(chosen) if chosen else base.fail_on,
        min_percent=settings.min_percent if min_percent is None else min_percent,
        language_min_percent={} if min_percent is not None else dict(settings.language_min_percent),
        disabled=frozenset(settings.disable),
    )


@dataclass
class CheckReport(StepReport):
    """Every finding, and which of them fail the gate (unreadable files are findings too)."""

    gate: Gate = field(default_factory=Gate)
    """The gate the findings were judged by."""
    findings: list[Finding] = field(default_factory=list)
    """All findings, sorted by file and line."""
    checked: list[str] = field(default_factory=list)
    """Files looked at (PO files and articles)."""

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if self.gate.fails(f)]

    @property
    def ok(self) -> bool:
        return not self.failing

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def _error_finding(error: TranslateFlowError, language: str | None = None) -> Finding:
    check = (
        "invalid-po"
        if isinstance(error, CatalogError)
        else "invalid-article"
        if isinstance(error, ArticleError)
        else "error"
    )
    return Finding(error.path or "", error.line, check, "invalid", error.message, language)


def run_checks(
    config: Config,
    paths: Iterable[Path] = (),
    languages: Sequence[str] = (),
    gate: Gate | None = None,
    jobs: int = 1,
) -> CheckReport:
    """Find what is missing, stale, untranslated, fuzzy or broken, per article and language."""
    gate = gate or gate_of(config)
    report = CheckReport(gate=gate)
    paths = list(paths)
    wanted = {parse_language(code).code for code in languages}

    seen_errors: set[str] = set()
    discovery = discover(config)
    glossary = load_glossary(config, (lang for s in discovery.sources for lang in (s.language, *s.targets)))
    report.findings.extend(unused_language_findings(glossary))
    # What extract would change: missing catalogs, or ones the source has moved away from.
    planned = would_change(config, paths, jobs, discovery)
    for error in planned.errors:
        if str(error) not in seen_errors:
            seen_errors.add(str(error))
            report.findings.append(_error_finding(error))
    stale = set(planned.written)
    sources = select_sources(discovery.sources, paths, shard_rels(config, discovery))
    report.findings.extend(locale_folder_findings(config, project_targets(config, discovery.sources)))
    report.findings.extend(
        hugo_language_findings(config, {t for s in sources for t in s.targets if not wanted or t in wanted})
    )
    # Findings per PO file, reused while the source, the PO file and the output are unchanged.
    state = StateCache(config.root, "check")
    # The pages merge would treat as its own (the same record and migration rule as merge).
    record = Ownership(config).files
    owners = {**record, **legacy_pages(config, sources, record, StateCache(config.root, "merge"))}
    todo: list[tuple[tuple[Source, ...], dict[str, tuple[str, str]]]] = []
    report.checked.extend(source.rel for source in sources)
    drafts_stamp = _stamp(config.root / config.pretranslate.cache)
    for members in catalog_groups(sources):
        fresh: dict[str, tuple[str, str]] = {}
        label = members[0].rel if len(members) == 1 else f"the {len(members)} articles of {members[0].catalog}"
        pot = members[0].pot_path(config)
        pot_rel = pot.relative_to(config.root).as_posix()
        if not pot.exists():
            report.findings.append(_needs_extract(pot_rel, "missing-pot", f"no template for {label}"))
        elif pot_rel in stale:
            report.findings.append(_needs_extract(pot_rel, "stale", f"out of date with {label}"))
        for language in dict.fromkeys(lang for member in members for lang in member.targets):
            if wanted and language not in wanted:
                continue
            po_path = members[0].po_path(config, language)
            rel = po_path.relative_to(config.root).as_posix()
            if not po_path.exists():
                message = f"no {language} catalog for {label}"
                report.findings.append(_needs_extract(rel, "missing-po", message, language))
                continue
            report.checked.append(rel)
            if rel in stale:
                report.findings.append(_needs_extract(rel, "stale", f"out of date with {label}", language))
            key = digest(
                _FINDINGS_VERSION,
                drafts_stamp,
                read_or_none(pot),
                read_or_none(po_path),
                *(_output_key(config, member, language, po_path, owners) for member in members),
                repr(sorted(gate.disabled)),
                repr(config.min_percent),
                glossary.digest if glossary is not None else None,
            )
            cached = state.get(rel)
            if cached and cached.get("key") == key:
                report.findings.extend(_cached_finding(item) for item in cached["findings"])
                continue
            fresh[language] = (rel, key)
        if fresh:
            todo.append((tuple(members), fresh))
    task = partial(_check_source, config, gate.disabled, owners, glossary)
    for found_by_language, errors in run_tasks(task, todo, jobs):
        for error in errors:
            if str(error) not in seen_errors:
                seen_errors.add(str(error))
                report.findings.append(_error_finding(error))
        for rel, key, found in found_by_language:
            report.findings.extend(found)
            state.put(rel, {"key": key, "findings": [asdict(f) for f in found]})
    state.save()
    found, checked, errors = resource_findings(config, discovery, paths, wanted, gate.disabled, stale, jobs, glossary)
    report.findings.extend(found)
    report.checked.extend(checked)
    for error in errors:
        if str(error) not in seen_errors:
            seen_errors.add(str(error))
            report.findings.append(_error_finding(error))
    report.findings = [f for f in report.findings if f.check not in gate.disabled]
    report.findings.sort(key=lambda f: (f.path, f.line or 0, f.check))
    return report


def catalog_groups(sources: Sequence[Source]) -> list[list[Source]]:
    """The sources by the catalog they share (one each unless ``catalogs`` groups articles)."""
    groups: dict[str, list[Source]] = {}
    for source in sources:
        groups.setdefault(source.catalog, []).append(source)
    return list(groups.values())


def _output_key(config: Config, source: Source, language: str, po_path: Path, owners: Mapping[str, str]) -> str:
    """What one article's findings for ``language`` depend on besides the catalog."""
    out = source.outputs.get(language)
    out_bytes = read_or_none(out) if out is not None else None
    older = out_bytes is not None and out is not None and out.stat().st_mtime < po_path.stat().st_mtime
    owner = owners.get(out.relative_to(config.root).as_posix()) if out is not None else None
    return digest(source.digest, out_bytes, str(older), owner)


_FINDINGS_VERSION = "findings-3"
"""Part of every cache key: findings cached by an older release are found again."""


def _stamp(path: Path) -> str:
    """What changes when pretranslate records drafts (``unreviewed`` depends on them)."""
    try:
        info = path.stat()
    except OSError:
        return ""
    return f"{info.st_size}:{info.st_mtime_ns}"


def _cached_finding(item: dict[str, Any]) -> Finding:
    # JSON has no tuples: the references come back as a list.
    return Finding(**{**item, "references": tuple(item.get("references", ()))})


def _needs_extract(path: str, check: str, message: str, language: str | None = None) -> Finding:
    category = "stale" if check == "stale" else "missing"
    return Finding(path, None, check, category, f"{message}; run `translate-flow extract`", language)


def _check_source(
    config: Config,
    disabled: frozenset[str],
    owners: Mapping[str, str],
    glossary: Glossary | None,
    item: tuple[tuple[Source, ...], dict[str, tuple[str, str]]],
) -> tuple[list[tuple[str, str, list[Finding]]], list[TranslateFlowError]]:
    """The findings of one catalog's files and its articles' outputs (run in a worker with --jobs)."""
    members, wanted = item
    errors: list[TranslateFlowError] = []
    results: list[tuple[str, str, list[Finding]]] = []
    parsed: dict[str, polib.POFile] = {}
    lines_of: dict[str, dict[int, int]] = {}
    loader = Pages(config)  # each article is read, parsed and segmented once for all the questions below
    keys = article_keys(config.root, (m.digest for m in members), members[0].pot_path(config), loader.cached_segments)
    # A catalog shared by articles in several languages holds drafts from each of them.
    source_languages = sorted({m.language for m in members})
    # Shortcut references are links only in a page that defines their labels.
    text_pages = definitions_by_text(config, members, loader) if wanted else {}
    for language, (rel, key) in wanted.items():
        try:
            data = (config.root / rel).read_bytes()
            po = parse_catalog(data, rel)
        except OSError as exc:
            results.append(
                (rel, key, [_error_finding(CatalogError(f"cannot read: {exc.strerror or exc}", rel), language)])
            )
            continue
        except CatalogError as exc:
            exc_finding = _error_finding(exc, language)
            results.append((rel, key, [exc_finding]))
            continue
        lines = msgstr_lines(data)
        found: list[Finding] = [*po_level_findings(po, rel, language, lines)]
        found.extend(catalog_findings(po, rel, language, count(po, keys), lines, keys))
        found.extend(unmatched_findings(po, rel, language, keys, lines))
        drafts = (config.root, config.root / config.pretranslate.cache)
        found.extend(unreviewed_findings(po, rel, language, drafts, source_languages, lines))
        for entry in po:
            pages = text_pages.get(entry.msgid, (NO_DEFINITIONS,))
            at = lines.get(entry.linenum)
            found.extend(entry_findings(entry, rel, language, disabled, config.math, at, config.shortcodes, pages))
        if glossary is not None and members:
            source_language = members[0].language  # the articles of one catalog share their language
            pairs = glossary.pairs(source_language, language)
            found.extend(glossary_findings(po, rel, source_language, language, pairs, lines, disabled))
        results.append((rel, key, found))
        parsed[language] = po
        lines_of[language] = lines
    merge_report = Report()
    for source in members:
        wanted_here = {lang: po for lang, po in parsed.items() if lang in source.targets}
        outputs = output_findings(config, source, wanted_here, owners, merge_report, lines_of, loader)
        loader.forget(source)  # its last question: a catalog of the whole site keeps no page it is done with
        for rel, _, found in results:
            language = next(lang for lang, (r, _) in wanted.items() if r == rel)
            found.extend(outputs.get(language, []))
    errors.extend(merge_report.errors)
    return results, errors
