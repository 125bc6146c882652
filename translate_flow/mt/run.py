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

import polib

from translate_flow.catalog.io import parse_catalog
from translate_flow.catalog.wrap_width import choose_width
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement, read_regular
from translate_flow.glossary.load import load_glossary
from translate_flow.mt.apply_drafts import apply_drafts
from translate_flow.mt.engine_pass import EnginePasses
from translate_flow.mt.engines import EngineContext, MeteredEngine, NotingEngine, TextContext, Tokens, load_engine
from translate_flow.mt.protect import protect
from translate_flow.mt.units import PendingCatalog, Unit
from translate_flow.project.discover import discover, select_sources, shard_rels, target_catalogs
from translate_flow.reports import StepReport
from translate_flow.resources.discover import resource_target_catalogs, resources_of, select_catalogs
from translate_flow.resources.plurals import singular_forms

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
    chars_by_language: dict[str, Counter[str]] = field(default_factory=dict)
    """Characters sent, per engine and target language (retries included)."""
    tokens: dict[str, dict[str, Tokens]] = field(default_factory=dict)
    """Tokens the server counted, per engine and target language (engines that count them)."""
    retried_alone: Counter[str] = field(default_factory=Counter)
    """Texts an engine sent again on their own after a batch answer lacked or garbled them, per engine."""
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
    context = EngineContext(
        config.root, config.locales_path, config.pretranslate.timeout, config.compendium, load_glossary(config)
    )
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
        drafts = [(u.source, u.target, u.msgid, u.draft) for u in units if u.draft is not None]
        if drafts:
            # Before the PO files: a draft in a file is always one check can recognise.
            try:
                passes.cache.put_drafted(drafts)
            except TranslateFlowError as exc:
                report.errors.append(exc)
        passes.close()
        for engine in engines:
            if isinstance(engine, MeteredEngine):
                _add_usage(report, engine.name, engine)
            if isinstance(engine, NotingEngine):
                report.notices.extend(f"{engine.name}: {line}" for line in engine.notes())
        applied = apply_drafts(catalogs, config.wrap, config.wrap_explicit)
        report.written.extend(applied.written)
        report.filled.update(applied.filled)
        report.errors.extend(applied.errors)
    return report


def _gather(
    config: Config, paths: Iterable[Path], languages: Sequence[str], report: PretranslateReport
) -> tuple[list[PendingCatalog], list[Unit]]:
    """The catalogs with empty entries, and the distinct texts among those entries."""
    paths = list(paths)
    discovery = discover(config)
    resources = resources_of(config, discovery)
    report.errors.extend([*discovery.errors, *resources.errors])
    report.notices.extend(str(notice) for notice in discovery.notices)
    catalogs: list[PendingCatalog] = []
    units = _Units(config)
    # A catalog several articles share (``catalogs``) is drafted once.
    found = list(
        {
            r: (s.language, t, p, r)
            for s, t, p, r in target_catalogs(
                config, select_sources(discovery.sources, paths, shard_rels(config, discovery)), languages
            )
        }.values()
    )
    chosen = select_catalogs(resources.catalogs, paths, config.shard)
    found += [(c.language, t, p, r) for c, t, p, r in resource_target_catalogs(config, chosen, languages)]
    for language, target, path, rel in found:
        if not path.exists():
            report.notices.append(f"{rel}: no PO file yet; run `translate-flow extract`")
            continue
        try:
            data = read_regular(path)
            po = parse_catalog(data, rel)
        except TranslateFlowError as exc:
            report.errors.append(exc)
            continue
        po.wrapwidth = choose_width(data, po, config.wrap, config.wrap_explicit)
        pending = []
        plurals = []
        places = _Places(po, rel)
        for entry in po:
            if entry.obsolete or entry.msgstr or not entry.msgid:
                continue
            if not entry.msgid_plural:
                pending.append((entry, units.get(language, target, entry.msgid, places.of(entry))))
            elif not any(entry.msgstr_plural.values()):
                forms = _plural_texts(po, entry, report, rel)
                if forms:
                    place = places.of(entry)
                    plurals.append((entry, tuple(units.get(language, target, text, place) for text in forms)))
        if pending or plurals:
            catalogs.append(PendingCatalog(path, rel, po, pending, data, plurals))
    return catalogs, list(units.found.values())


class _Units:
    """Each distinct (source language, target language, text) once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.found: dict[tuple[str, str, str], Unit] = {}

    def get(self, source: str, target: str, text: str, context: TextContext | None = None) -> Unit:
        key = (source, target, text)
        if key not in self.found:
            protected = protect(text, self.config.math, self.config.shortcodes)
            self.found[key] = Unit(source, target, text, protected, context=context)
        return self.found[key]


# Texts on either side of a text that an engine is shown as its context.
_NEIGHBOURS = 2


class _Places:
    """Where each entry of one catalog stands: its article, the article's title and its neighbouring texts.

    A catalog several articles share (``catalogs = "section"``) holds each article's texts in
    turn; an entry belongs to the article of its first reference (``#: content/a.md:3``).
    """

    def __init__(self, po: polib.POFile, rel: str) -> None:
        self.texts: dict[str, list[str]] = {}
        self.titles: dict[str, str] = {}
        self.place: dict[int, tuple[str, int]] = {}
        for entry in po:
            if entry.obsolete or not entry.msgid:
                continue
            document = f"{rel}:{entry.occurrences[0][0]}" if entry.occurrences else rel
            texts = self.texts.setdefault(document, [])
            self.place[id(entry)] = (document, len(texts))
            texts.append(entry.msgid)
            # extract marks front-matter texts with their key: "#. front matter: title".
            if "front matter: title" in entry.comment.split("\n"):
                self.titles.setdefault(document, entry.msgid)

    def of(self, entry: polib.POEntry) -> TextContext:
        document, at = self.place[id(entry)]
        texts = self.texts[document]
        before = tuple(texts[max(0, at - _NEIGHBOURS) : at])
        after = tuple(texts[at + 1 : at + 1 + _NEIGHBOURS])
        return TextContext(document, at, self.titles.get(document), before, after)


def _add_usage(report: PretranslateReport, name: str, engine: MeteredEngine) -> None:
    usage = engine.usage()
    tokens = report.tokens.setdefault(name, {})
    for language, counted in usage.tokens.items():
        tokens[language] = tokens.get(language, Tokens()) + counted
    report.retried_alone[name] += usage.retried_alone
    # Each text retried alone was one more request, with its characters.
    report.requests[name] += usage.retried_alone
    for language, chars in usage.retried_chars.items():
        report.chars_sent[name] += chars
        report.chars_by_language.setdefault(name, Counter())[language] += chars
    report.notices.extend(f"{name}: {line}" for line in usage.given_up)


def _plural_texts(po: polib.POFile, entry: polib.POEntry, report: PretranslateReport, rel: str) -> list[str]:
    """The source text each msgstr[N] is drafted from: the singular where the form is used for
    the count 1 alone (English "One page"), the plural everywhere else; none without Plural-Forms."""
    try:
        single = singular_forms(po.metadata.get("Plural-Forms", ""))
    except TranslateFlowError as exc:
        report.notices.append(f"{rel}: plural entries not drafted: {exc.message}")
        return []
    return [entry.msgid if number in single else entry.msgid_plural for number in range(len(entry.msgstr_plural))]
