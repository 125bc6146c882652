"""The CI gate's findings for resource catalogs (i18n tables, data files).

The same findings as for articles, from the same plans: missing and stale catalogs (from
extract's plans), untranslated, fuzzy and obsolete entries, translations merge would hold
back (``broken``, the same validator), and translated files merge would write differently
(from merge's plans). Nothing is written.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import partial
from pathlib import Path

import polib

from translate_flow.catalog.entry_keys import Key
from translate_flow.catalog.io import msgstr_lines, parse_catalog
from translate_flow.catalog.update import has_translation
from translate_flow.config import Config
from translate_flow.errors import CatalogError, TranslateFlowError
from translate_flow.glossary.model import Glossary
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import Discovery
from translate_flow.project.ownership import Ownership
from translate_flow.project.state import read_or_none
from translate_flow.qa.counts import count, keys_of_template
from translate_flow.qa.finding import Finding
from translate_flow.qa.findings import (
    about,
    catalog_findings,
    entry_findings,
    po_level_findings,
    unmatched_findings,
    unreviewed_findings,
)
from translate_flow.qa.glossary_findings import glossary_findings
from translate_flow.reports import Report
from translate_flow.resources.discover import resources_of, select_catalogs
from translate_flow.resources.model import ResourceCatalog
from translate_flow.resources.validate import entry_problems
from translate_flow.steps.merge_resource_plan import plan_resource_outputs

__all__ = ["resource_findings"]

_Result = tuple[list[Finding], list[str], list[TranslateFlowError]]


def resource_findings(
    config: Config,
    discovery: Discovery,
    paths: Iterable[Path],
    languages: Collection[str],
    disabled: Collection[str],
    stale: Collection[str],
    jobs: int = 1,
    glossary: Glossary | None = None,
) -> _Result:
    """Findings, files looked at, and files that could not be read, of the resource catalogs."""
    found = resources_of(config, discovery)
    findings: list[Finding] = []
    checked: list[str] = []
    errors: list[TranslateFlowError] = list(found.errors)
    task = partial(_check_catalog, config, frozenset(languages), frozenset(disabled), frozenset(stale), glossary)
    for part_findings, part_checked, part_errors in run_tasks(
        task, select_catalogs(found.catalogs, paths, config.shard), jobs
    ):
        findings.extend(part_findings)
        checked.extend(part_checked)
        errors.extend(part_errors)
    return findings, checked, errors


def _needs_extract(path: str, check: str, message: str, language: str | None = None) -> Finding:
    category = "stale" if check == "stale" else "missing"
    return Finding(path, None, check, category, f"{message}; run `translate-flow extract`", language)


def _check_catalog(
    config: Config,
    languages: frozenset[str],
    disabled: frozenset[str],
    stale: frozenset[str],
    glossary: Glossary | None,
    catalog: ResourceCatalog,
) -> _Result:
    findings: list[Finding] = []
    checked = [resource.rel for resource in catalog.resources]
    pot_rel = catalog.pot_path(config).relative_to(config.root).as_posix()
    if not catalog.pot_path(config).exists():
        findings.append(_needs_extract(pot_rel, "missing-pot", f"no template for {catalog.label}"))
    elif pot_rel in stale:
        findings.append(_needs_extract(pot_rel, "stale", f"out of date with {catalog.label}"))
    parsed: dict[str, polib.POFile] = {}
    keys = keys_of_template(catalog.pot_path(config))
    for language in catalog.targets:
        if languages and language not in languages:
            continue
        path = catalog.po_path(config, language)
        rel = path.relative_to(config.root).as_posix()
        data = read_or_none(path)
        if data is None:
            findings.append(_needs_extract(rel, "missing-po", f"no {language} catalog for {catalog.label}", language))
            continue
        checked.append(rel)
        if rel in stale:
            findings.append(_needs_extract(rel, "stale", f"out of date with {catalog.label}", language))
        try:
            po = parse_catalog(data, rel)
        except CatalogError as exc:
            findings.append(Finding(rel, exc.line, "invalid-po", "invalid", exc.message, language))
            continue
        findings.extend(_catalog_findings(config, po, rel, language, disabled, data, keys))
        drafts = (config.root, config.root / config.pretranslate.cache)
        findings.extend(unreviewed_findings(po, rel, language, drafts, [catalog.language], msgstr_lines(data)))
        if glossary is not None:
            pairs = glossary.pairs(catalog.language, language)
            findings.extend(glossary_findings(po, rel, catalog.language, language, pairs, msgstr_lines(data), disabled))
        parsed[language] = po
    report = Report()
    findings.extend(_output_findings(config, catalog, parsed, report))
    return findings, checked, list(report.errors)


def _catalog_findings(
    config: Config,
    po: polib.POFile,
    rel: str,
    language: str,
    disabled: frozenset[str],
    data: bytes,
    keys: frozenset[Key] | None,
) -> list[Finding]:
    lines = msgstr_lines(data)
    found = [
        *po_level_findings(po, rel, language, lines),
        *catalog_findings(po, rel, language, count(po, keys), lines, keys),
        *unmatched_findings(po, rel, language, keys, lines),
    ]
    for entry in po:
        if entry.obsolete or not has_translation(entry):
            continue
        line = lines.get(entry.linenum, entry.linenum)
        # What merge would hold back (fuzzy entries too: merge --include-fuzzy would publish them).
        for problem in entry_problems(entry, disabled, config.math, config.shortcodes):
            found.append(about(entry, rel, line, problem.check, "broken", problem.message, language))
        if not entry.msgid_plural:
            found.extend(
                f
                for f in entry_findings(entry, rel, language, disabled, config.math, line, config.shortcodes)
                if f.check in ("copy", "script")
            )
    return found


def _output_findings(
    config: Config, catalog: ResourceCatalog, parsed: dict[str, polib.POFile], report: Report
) -> list[Finding]:
    """Translated files that merge would write differently, and translations they cannot hold."""
    if not parsed:
        return []
    ownership = Ownership(config)
    found: list[Finding] = []
    for plan in plan_resource_outputs(config, catalog, False, report, languages=set(parsed), catalogs=parsed):
        # Site strings are held back only where the user's own configuration must take them.
        check, category = ("outdated-output", "output") if plan.resource.kind == "site" else ("value", "broken")
        for notice in plan.held:
            found.append(Finding(notice.path, notice.line, check, category, notice.message, plan.language))
        if plan.data is None:
            continue
        out_rel = plan.path.relative_to(config.root).as_posix()
        current = read_or_none(plan.path)
        if current is None:
            message = f"{plan.rendered.percent:.0f}% translated but not merged; run `translate-flow merge`"
            found.append(Finding(out_rel, None, "missing-output", "output", message, plan.language))
        elif current != plan.data:
            if ownership.ours(out_rel, current):
                message = f"differs from what {plan.po_rel} gives; run `translate-flow merge`"
            else:
                message = "translate-flow did not write it (or it was edited since), so merge leaves it as it is"
            found.append(Finding(out_rel, None, "outdated-output", "output", message, plan.language))
    return found
