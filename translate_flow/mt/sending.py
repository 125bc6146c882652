"""Texts sent to a remote engine: in batches, ``jobs`` in flight, retried with backoff, each under a deadline.

Each batch runs in a daemon thread. A transient failure (timeout, 429, 5xx) is
retried after ``backoff``, doubled each time; any other failure, or the last
retry's, gives the engine up: the batches in flight finish, no new one starts.
A server may answer a byte a second, so every batch also has an overall deadline;
a batch past it is left to its thread, which never keeps the process alive.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass

from translate_flow.config import PretranslateSettings
from translate_flow.mt.daemon import in_daemon_thread
from translate_flow.mt.engines import ContextualEngine, Engine, EngineError, TextContext
from translate_flow.mt.rate_limit import RateLimiter

__all__ = ["FinalFailure", "Sender", "batch_deadline", "batches", "call_with_retries"]

Answered = Callable[[list[str], list[str | None]], None]
"""Told each batch and the engine's answer to it, as soon as it arrives."""
Counted = Callable[[int, int], None]
"""Told the requests made and the characters sent for each batch, retries included."""
Contexts = Mapping[str, TextContext | None]
"""Where each text stands, for a contextual engine: its batches hold one document's texts."""


class FinalFailure(EngineError):
    """A failure not worth another attempt (or the last attempt's), with the number of attempts made."""

    def __init__(self, cause: EngineError, attempts: int) -> None:
        super().__init__(cause.message, cause.transient)
        self.cause = cause
        self.attempts = attempts


def batches(engine: Engine, texts: Sequence[str], contexts: Contexts | None = None) -> Iterator[list[str]]:
    """``texts`` in order, in batches within the engine's ``max_batch`` and ``max_chars``;
    with ``contexts``, a batch also never mixes two documents."""
    batch: list[str] = []
    size = 0

    def document(text: str) -> str | None:
        context = contexts.get(text) if contexts is not None else None
        return context.document if context is not None else None

    for text in texts:
        full = len(batch) >= engine.max_batch or size + len(text) > engine.max_chars
        if batch and (full or document(text) != document(batch[-1])):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def batch_deadline(settings: PretranslateSettings) -> float:
    """Seconds a batch may take in all: every attempt's timeout and backoff, and one more timeout."""
    backoffs = sum(settings.backoff * 2.0**attempt for attempt in range(settings.retries))
    return settings.timeout * (settings.retries + 2) + backoffs


def call_with_retries(
    engine: Engine,
    texts: list[str],
    source: str,
    target: str,
    settings: PretranslateSettings,
    limiter: RateLimiter,
    cancelled: threading.Event,
    sleep: Callable[[float], None] = time.sleep,
    contexts: Contexts | None = None,
) -> tuple[list[str | None], int]:
    """One batch, retried on transient failures; the answer and how many attempts it took."""
    for attempt in range(settings.retries + 1):
        limiter.wait()
        if cancelled.is_set():
            raise EngineError("cancelled")
        try:
            if contexts is not None and isinstance(engine, ContextualEngine):
                where = [contexts.get(text) for text in texts]
                return engine.translate_in_context(texts, where, source, target), attempt + 1
            return engine.translate(texts, source, target), attempt + 1
        except EngineError as exc:
            if not exc.transient or attempt == settings.retries:
                raise FinalFailure(exc, attempt + 1) from exc
            sleep(settings.backoff * 2**attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


@dataclass
class _InFlight:
    batch: list[str]
    deadline: float


class Sender:
    """Sends one language pair's texts to one engine."""

    def __init__(
        self,
        engine: Engine,
        source: str,
        target: str,
        settings: PretranslateSettings,
        cancelled: threading.Event,
    ) -> None:
        self.engine, self.source, self.target, self.settings = engine, source, target, settings
        self.cancelled = cancelled
        """Set on Ctrl-C: batches still in their threads make no further attempt."""
        # Pairs are sent one after another, so a limiter per pair limits the engine.
        self.limiter = RateLimiter(settings.rate_limit)
        self.contexts: Contexts | None = None

    def send(
        self, texts: list[str], answered: Answered, counted: Counted, contexts: Contexts | None = None
    ) -> EngineError | None:
        """Send every text; the engine's first final failure, or None when all were answered.

        With ``contexts`` (a contextual engine), each batch is one document's texts and goes with their context.
        """
        if not texts:
            return None
        self.contexts = contexts
        try:
            pending = batches(self.engine, texts, contexts)
            return self._drive(pending, batch_deadline(self.settings), answered, counted)
        except KeyboardInterrupt:
            # Batches in flight are left to their daemon threads, with no retry after them.
            self.cancelled.set()
            raise

    def _drive(
        self, pending: Iterator[list[str]], budget: float, answered: Answered, counted: Counted
    ) -> EngineError | None:
        failure: EngineError | None = None
        in_flight: dict[Future[tuple[list[str | None], int]], _InFlight] = {}
        while True:
            while failure is None and len(in_flight) < self.settings.jobs:
                batch = next(pending, None)
                if batch is None:
                    break
                future = in_daemon_thread(
                    call_with_retries,
                    self.engine,
                    batch,
                    self.source,
                    self.target,
                    self.settings,
                    self.limiter,
                    self.cancelled,
                    time.sleep,
                    self.contexts,
                )
                in_flight[future] = _InFlight(batch, time.monotonic() + budget)
            if not in_flight:
                return failure
            first_deadline = min(item.deadline for item in in_flight.values())
            done, _ = wait(in_flight, timeout=max(0.0, first_deadline - time.monotonic()), return_when=FIRST_COMPLETED)
            now = time.monotonic()
            for future in [f for f, item in in_flight.items() if f in done or item.deadline <= now]:
                batch = in_flight.pop(future).batch
                if future not in done:
                    # Left behind: it runs in a daemon thread, which never keeps the process alive.
                    self._count(batch, 1, counted)
                    failure = failure or EngineError(f"no complete answer within {budget:g} s")
                    continue
                try:
                    drafts, attempts = future.result()
                except FinalFailure as exc:
                    self._count(batch, exc.attempts, counted)
                    failure = failure or exc.cause
                    continue
                except EngineError as exc:  # "cancelled": the run is ending anyway
                    self._count(batch, 1, counted)
                    failure = failure or exc
                    continue
                self._count(batch, attempts, counted)
                answered(batch, drafts)

    def _count(self, batch: list[str], attempts: int, counted: Counted) -> None:
        # An engine that takes one text per request makes one request per text of the batch.
        per_attempt = 1 if self.engine.max_batch > 1 else len(batch)
        counted(per_attempt * attempts, sum(len(text) for text in batch) * attempts)
