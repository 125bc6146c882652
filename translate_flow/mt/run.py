"""Machine-translation drafts for empty PO entries: protected, deduplicated, cached, resumable.

Every distinct (language pair, text) of the selected catalogs is translated once.
Engines are tried in the configured order; results are cached on disk as each
request returns, so an interrupted run loses only the requests in flight and the
next run continues from the cache. Drafts are marked fuzzy and never overwrite a
msgstr. A draft whose placeholders do not come back intact is discarded.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import polib

from translate_flow.catalog.io import parse_catalog, write_catalog
from translate_flow.catalog.keys import entry_key
from translate_flow.catalog.update import index
from translate_flow.config import Config
from translate_flow.errors import StaleWriteError, TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement, read_regular
from translate_flow.mt.cache import DraftCache
from translate_flow.mt.drafts import draft_problem
from translate_flow.mt.engines import Engine, EngineContext, EngineError, UnsupportedPair, load_engine
from translate_flow.mt.protect import PlaceholderError, Protected, protect, restore
from translate_flow.project.discover import discover, select_sources, target_catalogs
from translate_flow.reports import StepReport

_T = TypeVar("_T")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_NO_SPACE_LANGUAGES = ("zh", "ja", "ko", "th")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


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


@dataclass
class _Unit:
    source: str
    target: str
    msgid: str
    protected: Protected
    draft: str | None = None
    engine: str | None = None


@dataclass
class _File:
    path: Path
    rel: str
    po: polib.POFile
    entries: list[tuple[polib.POEntry, _Unit]]
    data: bytes
    """The bytes ``po`` was read from: the file is written back only if it still holds them."""


def split_long(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at sentence ends where possible."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if current and len(current) + 1 + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def join_pieces(pieces: Sequence[str], target: str) -> str:
    joiner = "" if target.split("-")[0] in _NO_SPACE_LANGUAGES else " "
    return joiner.join(piece.strip() for piece in pieces)


class RateLimiter:
    """At most ``per_second`` calls per second across threads (0: unlimited)."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.lock = threading.Lock()
        self.next = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next)
            self.next = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


def _in_daemon(function: Callable[..., _T], *args: object) -> Future[_T]:
    """Run ``function`` in a daemon thread: a request stuck in a slow server, or abandoned on
    Ctrl-C, never keeps the process from ending (a ThreadPoolExecutor's threads would)."""
    future: Future[_T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except Exception as exc:  # noqa: BLE001 -- handed to the waiting thread, which decides
            future.set_exception(exc)

    threading.Thread(target=run, daemon=True).start()
    return future


def _call(
    engine: Engine,
    texts: list[str],
    source: str,
    target: str,
    config: Config,
    limiter: RateLimiter,
    cancelled: threading.Event,
) -> tuple[list[str | None], int]:
    """One batch with retries; returns the drafts and how many attempts were made."""
    settings = config.pretranslate
    for attempt in range(settings.retries + 1):
        limiter.wait()
        if cancelled.is_set():
            raise EngineError("cancelled")
        try:
            return engine.translate(texts, source, target), attempt + 1
        except EngineError as exc:
            if not exc.transient or attempt == settings.retries:
                exc.attempts = attempt + 1  # type: ignore[attr-defined]
                raise
            time.sleep(settings.backoff * 2**attempt)
    raise AssertionError("unreachable")


class _Run:
    def __init__(self, config: Config, report: PretranslateReport, progress: Callable[[int], None]) -> None:
        self.config = config
        self.report = report
        self.progress = progress
        self._cache: DraftCache | None = None
        self.cancelled = threading.Event()

    @property
    def cache(self) -> DraftCache:
        # Opened on first use (its path was checked when the run began).
        if self._cache is None:
            self._cache = DraftCache(self.config.root / self.config.pretranslate.cache)
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()

    def engine_pass(self, engine: Engine, units: list[_Unit]) -> None:
        by_pair: dict[tuple[str, str], list[_Unit]] = {}
        for unit in units:
            by_pair.setdefault((unit.source, unit.target), []).append(unit)
        for (source, target), group in by_pair.items():
            # A draft thrown away once would be thrown away again: say it once, not on every sync.
            kept = [u for u in group if not self.cache.discarded(engine.name, source, target, u.protected.text)]
            self.report.discarded_before += len(group) - len(kept)
            group = kept
            if not group:
                continue
            try:
                engine.check_pair(source, target)
            except UnsupportedPair as exc:
                self.report.notices.append(str(exc))
                continue
            except EngineError as exc:
                self.report.errors.append(TranslateFlowError(f"{engine.name}: {exc.message}"))
                return
            if engine.local:
                texts = [u.msgid if engine.wants_markup else u.protected.text for u in group]
                drafts = dict(self._sane(engine, texts, engine.translate(texts, source, target)))
                for unit, text in zip(group, texts):
                    if text in drafts:
                        self.accept(unit, drafts[text], engine, from_memory=True)
                continue
            if not self.remote(engine, group, source, target):
                return

    def _sane(self, engine: Engine, texts: Sequence[str], drafts: object) -> list[tuple[str, str]]:
        """The (text, draft) pairs worth keeping; the others are reported as discarded, never cached."""
        if not isinstance(drafts, (list, tuple)) or len(drafts) != len(texts):
            self.report.discarded.append(f"{engine.name}: answered {len(texts)} texts with something else")
            return []
        kept: list[tuple[str, str]] = []
        for text, draft in zip(texts, drafts):
            if draft is None or draft == "":
                continue
            problem = draft_problem(text, draft)
            if problem is not None:
                self.report.discarded.append(f"{engine.name}: {problem}: {text[:60]!r}")
                continue
            kept.append((text, str(draft)))
        return kept

    def accept(self, unit: _Unit, draft: str, engine: Engine, from_memory: bool = False) -> None:
        if not engine.wants_markup and "  " not in unit.protected.text:
            # Rule-based engines leave double spaces where words were dropped.
            draft = _DOUBLE_SPACE.sub(" ", draft)
        if not engine.wants_markup:
            try:
                draft = restore(draft, unit.protected)
            except PlaceholderError as exc:
                self.report.discarded.append(f"{engine.name}: {exc.message}: {unit.msgid[:60]!r}")
                self.cache.put_discard(engine.name, unit.source, unit.target, unit.protected.text)
                return
        unit.draft, unit.engine = draft, engine.name
        if from_memory:
            self.report.memory_hits += 1
        self.progress(1)

    def remote(self, engine: Engine, group: list[_Unit], source: str, target: str) -> bool:
        """Translate a pair's texts with a remote engine; False if the engine failed for good."""
        pieces_of: dict[int, list[str]] = {}
        results: dict[str, str] = {}
        missing: list[str] = []
        for unit in group:
            pieces = split_long(unit.protected.text, engine.max_chars)
            pieces_of[id(unit)] = pieces
            for piece in pieces:
                if piece in results or piece in missing:
                    continue
                cached = self.cache.get(engine.name, source, target, piece)
                if cached is None:
                    missing.append(piece)
                else:
                    results[piece] = cached
                    self.report.cache_hits += 1
        try:
            return self._send(engine, missing, source, target, results)
        finally:
            # Also on Ctrl-C: whatever arrived goes into the PO files now, not only the cache.
            for unit in group:
                pieces = pieces_of[id(unit)]
                if all(piece in results for piece in pieces):
                    self.accept(unit, join_pieces([results[p] for p in pieces], target), engine)

    def _batches(self, engine: Engine, texts: list[str]) -> Iterable[list[str]]:
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and (len(batch) >= engine.max_batch or size + len(text) > engine.max_chars):
                yield batch
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            yield batch

    def _send(self, engine: Engine, texts: list[str], source: str, target: str, results: dict[str, str]) -> bool:
        if not texts:
            return True
        settings = self.config.pretranslate
        limiter = RateLimiter(settings.rate_limit)
        # A server may answer a byte a second: each read is quick, the answer never ends. So each
        # batch gets an overall deadline (every attempt's timeout and backoff, and one more timeout).
        budget = settings.timeout * (settings.retries + 2) + sum(
            settings.backoff * 2**i for i in range(settings.retries)
        )
        futures: dict[Future[tuple[list[str | None], int]], tuple[list[str], float]] = {}
        batches = iter(self._batches(engine, texts))
        try:
            failure = self._drive(engine, batches, futures, budget, source, target, limiter, results)
        except KeyboardInterrupt:
            # Requests in flight are left to their daemon threads, with no retry after them;
            # what arrived is saved by the caller.
            self.cancelled.set()
            raise
        if failure is not None:
            self.report.errors.append(TranslateFlowError(f"{engine.name}: {failure.message}"))
            return False
        return True

    def _drive(
        self,
        engine: Engine,
        batches: Iterator[list[str]],
        futures: dict[Future[tuple[list[str | None], int]], tuple[list[str], float]],
        budget: float,
        source: str,
        target: str,
        limiter: RateLimiter,
        results: dict[str, str],
    ) -> EngineError | None:
        """Keep ``jobs`` batches in flight until all are answered; the first failure, if any."""
        settings = self.config.pretranslate
        failure: EngineError | None = None
        while True:
            while failure is None and len(futures) < settings.jobs:
                batch = next(batches, None)
                if batch is None:
                    break
                future = _in_daemon(_call, engine, batch, source, target, self.config, limiter, self.cancelled)
                futures[future] = (batch, time.monotonic() + budget)
            if not futures:
                break
            first_deadline = min(deadline for _, deadline in futures.values())
            done, _ = wait(futures, timeout=max(0.0, first_deadline - time.monotonic()), return_when=FIRST_COMPLETED)
            now = time.monotonic()
            for future in [f for f, (_, deadline) in futures.items() if f in done or deadline <= now]:
                batch, _ = futures.pop(future)
                if future not in done:
                    # Left behind: it runs in a daemon thread, which never keeps the process alive.
                    self._count(engine, batch, 1)
                    failure = failure or EngineError(f"no complete answer within {budget:g} s")
                    continue
                try:
                    drafts, attempts = future.result()
                except EngineError as exc:
                    attempts = getattr(exc, "attempts", 1)
                    self._count(engine, batch, attempts)
                    failure = failure or exc
                    continue
                self._count(engine, batch, attempts)
                arrived = self._sane(engine, batch, drafts)
                self.cache.put_many(engine.name, source, target, arrived)
                results.update(arrived)
        return failure

    def _count(self, engine: Engine, batch: list[str], attempts: int) -> None:
        per_request = 1 if engine.max_batch > 1 else len(batch)
        self.report.requests[engine.name] += per_request * attempts
        self.report.chars_sent[engine.name] += sum(len(text) for text in batch) * attempts


def pretranslate(
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
    discovery = discover(config)
    report.errors.extend(discovery.errors)
    report.notices.extend(str(notice) for notice in discovery.notices)
    files: list[_File] = []
    units: dict[tuple[str, str, str], _Unit] = {}
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
                units[key] = _Unit(source.language, target, entry.msgid, protect(entry.msgid, config.math))
            pending.append((entry, units[key]))
        if pending:
            files.append(_File(path, rel, po, pending, data))
    on_total(len(units))
    run = _Run(config, report, progress)
    try:
        for engine in engines:
            remaining = [u for u in units.values() if u.draft is None]
            if not remaining:
                break
            run.engine_pass(engine, remaining)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        run.close()
        _fill(files, report, config)
    return report


def _fill(files: list[_File], report: PretranslateReport, config: Config) -> None:
    for item in files:
        po, entries, based_on = item.po, item.entries, item.data
        for attempt in range(3):
            filled = _apply(entries, report)
            if not filled:
                break
            try:
                if write_catalog(item.path, po, based_on=based_on):
                    report.written.append(item.rel)
                for target in filled:
                    report.filled[target] += 1
                break
            except StaleWriteError as exc:
                # A translator saved the file during the run: their save wins, and the drafts go
                # only into the entries that are still empty in it.
                try:
                    based_on = read_regular(item.path)
                    po = parse_catalog(based_on, item.rel)
                except (OSError, TranslateFlowError) as error:
                    report.errors.append(TranslateFlowError(f"cannot read again: {error}", item.rel))
                    break
                po.wrapwidth = config.wrap
                current = index(po)
                entries = [
                    (current[entry_key(entry)], unit)
                    for entry, unit in entries
                    if entry_key(entry) in current and not current[entry_key(entry)].obsolete
                ]
                if attempt == 2:
                    report.errors.append(exc)
            except OSError as exc:
                report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", item.rel))
                break


def _apply(entries: list[tuple[polib.POEntry, _Unit]], report: PretranslateReport) -> list[str]:
    """Put the drafts into still-empty entries; the target language of each one filled."""
    filled: list[str] = []
    for entry, unit in entries:
        if unit.draft is None or entry.msgstr:
            continue
        entry.msgstr = unit.draft
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        note = f"machine translation ({unit.engine}), please review"
        entry.tcomment = f"{entry.tcomment}\n{note}" if entry.tcomment else note
        filled.append(unit.target)
    return filled
