"""Sending to a remote engine: batches, retries with backoff, the first final failure, deadlines."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from translate_flow.config.load import PretranslateSettings
from translate_flow.mt.engines import EngineError, TextContext
from translate_flow.mt.rate_limit import RateLimiter
from translate_flow.mt.sending import FinalFailure, Sender, batch_deadline, batches, call_with_retries


class Scripted:
    """An engine that fails as told, per call, then tags each text."""

    name = "scripted"
    local = False
    wants_markup = False

    def __init__(self, failures: Sequence[EngineError | None] = (), max_batch: int = 2, max_chars: int = 100) -> None:
        self.failures = list(failures)
        self.max_batch, self.max_chars = max_batch, max_chars
        self.calls: list[list[str]] = []
        self.lock = threading.Lock()

    def check_pair(self, source: str, target: str) -> None:
        return None

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        with self.lock:
            self.calls.append(list(texts))
            failure = self.failures.pop(0) if self.failures else None
        if failure is not None:
            raise failure
        return [f"<{target}> {text}" for text in texts]


def _settings(**changes: float) -> PretranslateSettings:
    values: dict[str, float] = {"timeout": 5.0, "retries": 2, "backoff": 0.5, "jobs": 1, "rate_limit": 0}
    values.update(changes)
    return PretranslateSettings(
        timeout=values["timeout"],
        retries=int(values["retries"]),
        backoff=values["backoff"],
        jobs=int(values["jobs"]),
        rate_limit=values["rate_limit"],
    )


def test_batches_keep_order_within_max_batch_and_max_chars() -> None:
    engine = Scripted(max_batch=3, max_chars=10)
    assert list(batches(engine, ["aaaa", "bbbb", "cc", "d", "e", "f", "ggggggggggggggg", "h"])) == [
        ["aaaa", "bbbb", "cc"],
        ["d", "e", "f"],
        ["ggggggggggggggg"],  # alone over the limit: sent alone, never dropped
        ["h"],
    ]
    assert list(batches(engine, [])) == []


def test_with_contexts_a_batch_never_mixes_two_documents() -> None:
    engine = Scripted(max_batch=3, max_chars=100)
    where = {
        "a1": TextContext("a.po", 0),
        "a2": TextContext("a.po", 1),
        "b1": TextContext("b.po", 0),
        "x": None,  # no known place: a document of its own
    }
    assert list(batches(engine, ["a1", "a2", "b1", "x"], where)) == [["a1", "a2"], ["b1"], ["x"]]


def test_the_batch_deadline_covers_every_attempt_and_one_more_timeout() -> None:
    assert batch_deadline(_settings(timeout=2, retries=3, backoff=1)) == 2 * 5 + (1 + 2 + 4)
    assert batch_deadline(_settings(timeout=0.5, retries=0)) == 1.0


def test_transient_failures_are_retried_with_doubling_backoff() -> None:
    engine = Scripted([EngineError("429", transient=True), EngineError("503", transient=True)])
    sleeps: list[float] = []
    drafts, attempts = call_with_retries(
        engine, ["Hi."], "en", "fr", _settings(), RateLimiter(0), threading.Event(), sleep=sleeps.append
    )
    assert drafts == ["<fr> Hi."] and attempts == 3
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize(
    ("failures", "attempts", "message"),
    [
        ([EngineError("the API key was refused")], 1, "the API key was refused"),
        ([EngineError("timed out", transient=True)] * 3, 3, "timed out"),
    ],
)
def test_a_final_failure_carries_its_cause_and_attempts(
    failures: list[EngineError], attempts: int, message: str
) -> None:
    engine = Scripted(failures)
    sleeps: list[float] = []
    with pytest.raises(FinalFailure) as caught:
        call_with_retries(engine, ["Hi."], "en", "fr", _settings(), RateLimiter(0), threading.Event(), sleeps.append)
    assert caught.value.attempts == attempts and caught.value.cause is failures[0]
    assert caught.value.message == message
    assert len(engine.calls) == attempts and len(sleeps) == attempts - 1


def test_a_cancelled_run_makes_no_further_attempt() -> None:
    engine = Scripted()
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(EngineError, match="cancelled"):
        call_with_retries(engine, ["Hi."], "en", "fr", _settings(), RateLimiter(0), cancelled)
    assert engine.calls == []


def test_every_answer_is_handed_over_and_counted() -> None:
    engine = Scripted(max_batch=2)
    answers: dict[str, str | None] = {}
    counts: list[tuple[int, int]] = []
    lock = threading.Lock()

    def answered(batch: list[str], drafts: list[str | None]) -> None:
        with lock:
            answers.update(zip(batch, drafts))

    sender = Sender(engine, "en", "de", _settings(jobs=2), threading.Event())
    failure = sender.send(["a", "bb", "ccc", "dddd", "e"], answered, lambda r, c: counts.append((r, c)))
    assert failure is None
    assert answers == {t: f"<de> {t}" for t in ["a", "bb", "ccc", "dddd", "e"]}
    # Batched engine: one request per batch; characters per batch.
    assert sorted(counts) == [(1, 1), (1, 3), (1, 7)]


def test_the_first_final_failure_stops_new_batches() -> None:
    engine = Scripted([None, EngineError("the API key was refused")], max_batch=1)
    answered: list[list[str]] = []
    counts: list[tuple[int, int]] = []
    sender = Sender(engine, "en", "fr", _settings(jobs=1), threading.Event())
    failure = sender.send(["one", "two", "three"], lambda b, d: answered.append(b), lambda r, c: counts.append((r, c)))
    assert failure is not None and failure.message == "the API key was refused"
    assert engine.calls == [["one"], ["two"]] and answered == [["one"]]
    assert counts == [(1, 3), (1, 3)]


def test_a_batch_past_its_deadline_is_a_failure_and_is_counted() -> None:
    release = threading.Event()

    class Stuck(Scripted):
        def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
            release.wait(timeout=60)
            return list(texts)

    counts: list[tuple[int, int]] = []
    sender = Sender(Stuck(), "en", "fr", _settings(timeout=0.05, retries=0), threading.Event())
    try:
        failure = sender.send(["Hello."], lambda b, d: None, lambda r, c: counts.append((r, c)))
    finally:
        release.set()
    assert failure is not None and failure.message == "no complete answer within 0.1 s"
    assert counts == [(1, 6)]
