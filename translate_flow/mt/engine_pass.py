"""One engine's pass over the texts still without a draft: cache first, then the engine.

Per language pair: texts whose draft by this engine was thrown away on an earlier
run are not asked again; an unsupported pair is a notice, not an error. A local
engine (the memory) answers at once and is never cached. A remote engine's texts
are cut to its size, looked up in the cache, and the rest are sent; every answer
is checked and cached as it arrives, so an interrupted run loses only the requests
in flight. A draft becomes a unit's only when its placeholders come back intact.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.mt.cache import DraftCache
from translate_flow.mt.drafts import draft_problem
from translate_flow.mt.engines import ContextualEngine, Engine, EngineError, TextContext, UnsupportedPair
from translate_flow.mt.long_texts import join_pieces, split_long
from translate_flow.mt.protect import PlaceholderError, restore
from translate_flow.mt.sending import Sender
from translate_flow.mt.units import Unit

__all__ = ["EnginePasses", "Tally"]

# Rule-based engines leave two spaces where they dropped a word.
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


class Tally(Protocol):
    """What the passes record as they go (the run's report is one)."""

    discarded: list[str]
    discarded_before: int
    notices: list[str]
    errors: list[TranslateFlowError]
    requests: Counter[str]
    chars_sent: Counter[str]
    chars_by_language: dict[str, Counter[str]]
    cache_hits: int
    memory_hits: int


class EnginePasses:
    """A run's passes, one engine after another, sharing one cache and one cancel flag."""

    def __init__(self, config: Config, tally: Tally, progress: Callable[[int], None]) -> None:
        self.config = config
        self.tally = tally
        self.progress = progress
        self.cancelled = threading.Event()
        self._cache: DraftCache | None = None

    @property
    def cache(self) -> DraftCache:
        # Opened on first use, so a run with nothing to do creates no file (its path was
        # checked when the run began).
        if self._cache is None:
            self._cache = DraftCache(self.config.root / self.config.pretranslate.cache)
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()

    def run(self, engine: Engine, units: list[Unit]) -> None:
        """Give ``engine`` the units; those it drafts get ``draft`` and ``engine`` set."""
        by_pair: dict[tuple[str, str], list[Unit]] = {}
        for unit in units:
            by_pair.setdefault((unit.source, unit.target), []).append(unit)
        for (source, target), group in by_pair.items():
            # A draft thrown away once would be thrown away again: say it once, not on every sync.
            kept = [u for u in group if not self.cache.discarded(engine.name, source, target, u.protected.text)]
            self.tally.discarded_before += len(group) - len(kept)
            if not kept:
                continue
            try:
                engine.check_pair(source, target)
            except UnsupportedPair as exc:
                self.tally.notices.append(str(exc))
                continue
            except EngineError as exc:
                self.tally.errors.append(TranslateFlowError(f"{engine.name}: {exc.message}"))
                return
            if engine.local:
                self._local(engine, kept, source, target)
            elif not self._remote(engine, kept, source, target):
                return

    def _local(self, engine: Engine, group: list[Unit], source: str, target: str) -> None:
        texts = [u.msgid if engine.wants_markup else u.protected.text for u in group]
        drafts = dict(self._sane(engine, texts, engine.translate(texts, source, target)))
        for unit, text in zip(group, texts):
            if text in drafts:
                self._accept(unit, drafts[text], engine, from_memory=True)

    def _remote(self, engine: Engine, group: list[Unit], source: str, target: str) -> bool:
        """Translate a pair's texts with a remote engine; False if the engine failed for good."""
        pieces_of: dict[int, list[str]] = {}
        results: dict[str, str] = {}
        missing: list[str] = []
        # The same texts as ``missing``, for the membership test: a list's would make a large site's pass quadratic.
        queued: set[str] = set()
        contexts: dict[str, TextContext | None] = {}
        for unit in group:
            pieces = split_long(unit.protected.text, engine.max_chars)
            pieces_of[id(unit)] = pieces
            for piece in pieces:
                contexts.setdefault(piece, unit.context)
                if piece in results or piece in queued:
                    continue
                cached = self.cache.get(engine.name, source, target, piece)
                if cached is None:
                    missing.append(piece)
                    queued.add(piece)
                else:
                    results[piece] = cached
                    self.tally.cache_hits += 1

        def answered(batch: list[str], drafts: list[str | None]) -> None:
            arrived = self._sane(engine, batch, drafts)
            self.cache.put_many(engine.name, source, target, arrived)
            results.update(arrived)

        def counted(requests: int, chars: int) -> None:
            self.tally.requests[engine.name] += requests
            self.tally.chars_sent[engine.name] += chars
            self.tally.chars_by_language.setdefault(engine.name, Counter())[target] += chars

        contextual = isinstance(engine, ContextualEngine)
        if contextual:
            # One article's texts together, in the article's order: each batch has one context.
            missing.sort(key=lambda piece: _place(contexts[piece]))
        sender = Sender(engine, source, target, self.config.pretranslate, self.cancelled)
        try:
            failure = sender.send(missing, answered, counted, contexts if contextual else None)
        finally:
            # Also on Ctrl-C: whatever arrived goes into the PO files now, not only the cache.
            for unit in group:
                pieces = pieces_of[id(unit)]
                if all(piece in results for piece in pieces):
                    self._accept(unit, join_pieces([results[p] for p in pieces], target), engine)
        if failure is not None:
            self.tally.errors.append(TranslateFlowError(f"{engine.name}: {failure.message}"))
            return False
        return True

    def _sane(self, engine: Engine, texts: Sequence[str], drafts: object) -> list[tuple[str, str]]:
        """The (text, draft) pairs worth keeping; the others are reported as discarded, never cached."""
        if not isinstance(drafts, (list, tuple)) or len(drafts) != len(texts):
            self.tally.discarded.append(f"{engine.name}: answered {len(texts)} texts with something else")
            return []
        kept: list[tuple[str, str]] = []
        for text, draft in zip(texts, drafts):
            if draft is None or draft == "":
                continue
            problem = draft_problem(text, draft)
            if problem is not None:
                self.tally.discarded.append(f"{engine.name}: {problem}: {text[:60]!r}")
                continue
            kept.append((text, str(draft)))
        return kept

    def _accept(self, unit: Unit, draft: str, engine: Engine, from_memory: bool = False) -> None:
        if not engine.wants_markup and "  " not in unit.protected.text:
            draft = _DOUBLE_SPACE.sub(" ", draft)
        if not engine.wants_markup:
            try:
                draft = restore(draft, unit.protected)
            except PlaceholderError as exc:
                self.tally.discarded.append(f"{engine.name}: {exc.message}: {unit.msgid[:60]!r}")
                self.cache.put_discard(engine.name, unit.source, unit.target, unit.protected.text)
                return
        unit.draft, unit.engine = draft, engine.name
        if from_memory:
            self.tally.memory_hits += 1
        self.progress(1)


def _place(context: TextContext | None) -> tuple[int, str, int]:
    """Texts with no known place go last."""
    return (1, "", 0) if context is None else (0, context.document, context.position)
