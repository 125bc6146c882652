"""The check step, the CI gate: what is missing, stale, untranslated, fuzzy or broken.

It consumes the plans of extract and merge (``would_change``, ``plan_merge``) and
never runs their write paths; the only file it writes is its own cache of findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

import polib

from translate_flow.catalog.io import msgstr_lines, parse_catalog
from translate_flow.config import Config
from translate_flow.errors import ArticleError, CatalogError, ConfigError, TranslateFlowError
from translate_flow.glossary.load import load_glossary
from translate_flow.glossary.model import Glossary
from translate_flow.languages import parse_language
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import Source, discover, select_sources
from translate_flow.project.ownership import Ownership, file_digest
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.qa.counts import count
from translate_flow.qa.findings import Finding, Gate, catalog_findings, entry_findings, po_level_findings
from translate_flow.qa.glossary_findings import glossary_findings
from translate_flow.qa.names import CATEGORIES, CHECK_NAMES
from translate_flow.qa.site_findings import hugo_language_findings
from translate_flow.reports import Report, StepReport
from translate_flow.steps.check_resource import resource_findings
from translate_flow.steps.extract import would_change
from translate_flow.steps.merge import SHORTCODE_UNWRITABLE, plan_merge
from translate_flow.steps.merge_page import NOT_OURS, legacy_pages


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
    glossary = load_glossary(config)
    discovery = discover(config)
    # What extract would change: missing catalogs, or ones the source has moved away from.
    planned = would_change(config, paths, jobs, discovery)
    for error in planned.errors:
        if str(error) not in seen_errors:
            seen_errors.add(str(error))
            report.findings.append(_error_finding(error))
    stale = set(planned.written)
    sources = select_sources(discovery.sources, paths)
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
                read_or_none(po_path),
                *(_output_key(config, member, language, po_path, owners) for member in members),
                repr(sorted(gate.disabled)),
                repr(config.min_percent),
                glossary.digest if glossary is not None else None,
            )
            cached = state.get(rel)
            if cached and cached.get("key") == key:
                report.findings.extend(Finding(**item) for item in cached["findings"])
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
        found: list[Finding] = [*po_level_findings(po, rel, language)]
        found.extend(catalog_findings(po, rel, language, count(po)))
        lines = msgstr_lines(data)
        for entry in po:
            found.extend(
                entry_findings(entry, rel, language, disabled, config.math, lines.get(entry.linenum), config.shortcodes)
            )
        if glossary is not None and members:
            source_language = members[0].language  # the articles of one catalog share their language
            pairs = glossary.pairs(source_language, language)
            found.extend(glossary_findings(po, rel, source_language, language, pairs, lines, disabled))
        results.append((rel, key, found))
        parsed[language] = po
    merge_report = Report()
    for source in members:
        wanted_here = {lang: po for lang, po in parsed.items() if lang in source.targets}
        outputs = _output_findings(config, source, wanted_here, owners, merge_report)
        for rel, _, found in results:
            language = next(lang for lang, (r, _) in wanted.items() if r == rel)
            found.extend(outputs.get(language, []))
    errors.extend(merge_report.errors)
    return results, errors


def _output_findings(
    config: Config, source: Source, catalogs: dict[str, polib.POFile], owners: Mapping[str, str], report: Report
) -> dict[str, list[Finding]]:
    """Translated articles that merge would write differently, or would leave alone as not its own."""
    found: dict[str, list[Finding]] = {}
    for plan in plan_merge(config, [source], False, report, languages=set(catalogs), catalogs=catalogs):
        for notice in plan.unfaithful:
            message = notice.message.removeprefix("not merged: ")
            name = "shortcode" if message == SHORTCODE_UNWRITABLE else "front-matter"
            found.setdefault(plan.language, []).append(
                Finding(notice.path, notice.line, name, "broken", message, plan.language)
            )
        if plan.data is None:
            continue
        out_rel = plan.path.relative_to(config.root).as_posix()
        if not plan.path.exists():
            message = f"{plan.percent:.0f}% translated but not merged; run `translate-flow merge`"
            found.setdefault(plan.language, []).append(
                Finding(out_rel, None, "missing-output", "output", message, plan.language)
            )
        elif (current := plan.path.read_bytes()) != plan.data:
            if owners.get(out_rel) != file_digest(current):
                message = f"merge leaves it alone: {NOT_OURS}"
            else:
                po_path = config.root / plan.po_rel
                older = plan.path.stat().st_mtime < po_path.stat().st_mtime
                why = f"older than {plan.po_rel}" if older else f"differs from what {plan.po_rel} gives"
                message = f"{why}; run `translate-flow merge`"
            found.setdefault(plan.language, []).append(
                Finding(out_rel, None, "outdated-output", "output", message, plan.language)
            )
    return found
