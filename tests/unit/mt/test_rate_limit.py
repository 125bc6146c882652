"""The rate limiter books evenly spaced slots; time is driven by hand, nothing sleeps."""

from __future__ import annotations

import threading

import pytest

from translate_flow.mt.rate_limit import RateLimiter


class Clock:
    """A clock that moves only when told to, and a sleep that records and moves it."""

    def __init__(self, now: float = 1000.0, advance_on_sleep: bool = True) -> None:
        self.now = now
        self.advance_on_sleep = advance_on_sleep
        self.sleeps: list[float] = []
        self.lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.sleeps.append(round(seconds, 9))
            if self.advance_on_sleep:
                self.now += seconds


def test_calls_are_spaced_by_the_interval() -> None:
    clock = Clock()
    limiter = RateLimiter(20.0, clock=clock, sleep=clock.sleep)
    for _ in range(5):
        limiter.wait()
    assert clock.sleeps == [0.05, 0.05, 0.05, 0.05]  # the first call goes at once
    assert clock.now == pytest.approx(1000.2)


def test_a_caller_after_a_quiet_spell_does_not_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(2.0, clock=clock, sleep=clock.sleep)
    limiter.wait()
    clock.now += 10  # long after the next free slot
    limiter.wait()
    assert clock.sleeps == []
    limiter.wait()
    assert clock.sleeps == [0.5]


def test_threads_book_successive_slots() -> None:
    # The clock stands still: each caller must have booked its own slot under the lock,
    # so the waits are 1, 2, 3… intervals, whichever thread got which.
    clock = Clock(advance_on_sleep=False)
    limiter = RateLimiter(10.0, clock=clock, sleep=clock.sleep)
    threads = [threading.Thread(target=limiter.wait) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(clock.sleeps) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]


def test_zero_means_no_limit() -> None:
    clock = Clock(advance_on_sleep=False)
    limiter = RateLimiter(0, clock=clock, sleep=clock.sleep)
    for _ in range(100):
        limiter.wait()
    assert clock.sleeps == []
