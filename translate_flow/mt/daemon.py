"""Calls run in daemon threads, so that one stuck in a silent or dripping server can be left behind.

A thread blocked in a socket read cannot be stopped from outside. In a daemon thread
it can at least be abandoned: the caller stops waiting at its deadline, and the
process ends without waiting for it (a ThreadPoolExecutor's threads are joined at exit).
Nothing here changes any state outside the call itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from typing import TypeVar

__all__ = ["DeadlineExpired", "call_with_deadline", "in_daemon_thread"]

_T = TypeVar("_T")


class DeadlineExpired(Exception):
    """The call did not return in time; it goes on in its daemon thread, and its result is dropped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no result within {seconds:g} s")
        self.seconds = seconds


def in_daemon_thread(function: Callable[..., _T], *args: object) -> Future[_T]:
    """Start ``function(*args)`` in a daemon thread; its result or exception arrives in the future."""
    future: Future[_T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except BaseException as exc:  # noqa: BLE001 -- handed to the waiting thread, which decides
            future.set_exception(exc)

    threading.Thread(target=run, daemon=True, name="translate-flow-call").start()
    return future


def call_with_deadline(seconds: float, function: Callable[..., _T], *args: object) -> _T:
    """``function(*args)``, or DeadlineExpired once ``seconds`` have passed without a result.

    A dedicated exception rather than TimeoutError: the call itself may raise TimeoutError
    (a socket's), and that is the call's failure, not an expired deadline.
    """
    future = in_daemon_thread(function, *args)
    done, _ = wait([future], timeout=seconds)
    if not done:
        raise DeadlineExpired(seconds)
    return future.result()
