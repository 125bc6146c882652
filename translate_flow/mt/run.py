"""Machine-translation drafts for empty PO entries: protected, deduplicated, cached, resumable.

Every distinct (language pair, text) of the selected catalogs is translated once.
Engines are tried in the configured order; results are cached on disk as each
request returns, so an interrupted run loses only the requests in flight and the
next run continues from the cache. Drafts are marked fuzzy and never overwrite a
msgstr. A draft whose placeholders do not come back intact is discarded.

This module gathers the work and reports on it; the parts live beside it:
``engine_pass`` (cache, then engine, per language pair), ``sending`` (batches, jobs,
retries, deadlines), ``long_texts``, ``rate_limit``, ``apply_drafts`` (into the PO files).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.catalog.io import parse_catalog
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement, read_regular
from translate_flow.mt.apply_drafts import apply_drafts
from translate_flow.mt.engine_pass import EnginePasses
from translate_flow.mt.engines import EngineContext, load_engine
from translate_flow.mt.protect import protect
from translate_flow.mt.units import PendingCatalog, Unit
from translate_flow.project.discover import discover, select_sources, target_catalogs
from translate_flow.reports import StepReport

__all__ = ["PretranslateReport", "draft_empty_entries"]


@dataclass
class PretranslateReport(StepReport):
    """What pretranslate did, for the summary."""

    written: list[str] = field(default_factory=list)
    """PO files that received drafts."""
    filled: Counter[str] = field(default_factory=Counter)
    """Entries filled, per target language."""
    chars_sent: Counter[str] = field(default_factory=Counter)
    """Characters sent, per engine (retries included)."""
    requests: Counter[str] = field(default_factory=Counter)
    """Requests made, per engine."""
    cache_hits: int = 0
    """Texts answered from the on-disk cache."""
    memory_hits: int = 0
    """Texts answered by the local memory engine."""
    discarded: list[str] = field(default_factory=list)
    """Drafts thrown away because their markup did not survive (one line each)."""
    discarded_before: int = 0
    """Texts not sent again because the same engine's draft of them was thrown away on an earlier run."""
    notices: list[str] = field(default_factory=list)
    """Unsupported pairs and missing files."""
    interrupted: bool = False
    """True when the run was stopped (Ctrl-C) before it finished."""


def draft_empty_entries(
    config: Config,
    paths: Iterable[Path] = (),
    languages: Sequence[str] = (),
    engine_names: Sequence[str] = (),
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
) -> PretranslateReport:
    """Fill the empty entries of the selected PO files with fuzzy machine drafts."""
    report = PretranslateReport()
    try:
        Confinement(config.root).check(config.root / config.pretranslate.cache)
    except UnsafePathError as exc:
        report.errors.append(exc)
        return report
    context = EngineContext(config.root, config.locales_path, config.pretranslate.timeout)
    names = list(engine_names) or list(config.pretranslate.engines)
    engines = [load_engine(name, config.engines.get(name, {}), context) for name in names]
    catalogs, units = _gather(config, paths, languages, report)
    on_total(len(units))
    passes = EnginePasses(config, report, progress)
    try:
        for engine in engines:
            remaining = [u for u in units if u.draft is None]
            if not remaining:
                break
            passes.run(engine, remaining)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        passes.close()
        applied = apply_drafts(catalogs, config.wrap)
        report.written.extend(applied.written)
        report.filled.update(applied.filled)
        report.errors.extend(applied.errors)
    return report


def _gather(
    config: Config, paths: Iterable[Path], languages: Sequence[str], report: PretranslateReport
) -> tuple[list[PendingCatalog], list[Unit]]:
    """The catalogs with empty entries, and the distinct texts among those entries."""
    discovery = discover(config)
    report.errors.extend(discovery.errors)
    report.notices.extend(str(notice) for notice in discovery.notices)
    catalogs: list[PendingCatalog] = []
    units: dict[tuple[str, str, str], Unit] = {}
    for source, target, path, rel in target_catalogs(config, select_sources(discovery.sources, paths), languages):
        if not path.exists():
            report.notices.append(f"{rel}: no PO file yet; run `translate-flow extract`")
            continue
        try:
            data = read_regular(path)
            po = parse_catalog(data, rel)
        except TranslateFlowError as exc:
            report.errors.append(exc)
            continue
        po.wrapwidth = config.wrap
        pending = []
        for entry in po:
            if entry.obsolete or entry.msgstr or entry.msgid_plural or not entry.msgid:
                continue
            key = (source.language, target, entry.msgid)
            if key not in units:
                units[key] = Unit(
                    source.language, target, entry.msgid, protect(entry.msgid, config.math, config.shortcodes)
                )
            pending.append((entry, units[key]))
        if pending:
            catalogs.append(PendingCatalog(path, rel, po, pending, data))
    return catalogs, list(units.values())
