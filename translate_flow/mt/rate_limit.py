"""A rate limit shared by the threads that call one engine: requests spaced evenly in time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["RateLimiter"]


class RateLimiter:
    """At most ``per_second`` calls per second across threads (0: unlimited).

    Each caller books the next free slot under the lock, then sleeps outside it, so
    callers wait in parallel rather than one after another. ``clock`` and ``sleep``
    are parameters so that a test can drive time by hand.
    """

    def __init__(
        self,
        per_second: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        """Return when this caller's slot has come."""
        if not self.interval:
            return
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self._sleep(slot - now)
