"""Calls in daemon threads: a result, the call's own error, or DeadlineExpired while the call goes on."""

from __future__ import annotations

import threading

import pytest

from translate_flow.mt.daemon import DeadlineExpired, call_with_deadline, in_daemon_thread


def test_the_result_comes_back() -> None:
    assert call_with_deadline(5, divmod, 17, 5) == (3, 2)


def test_the_call_s_own_errors_come_back_as_they_are() -> None:
    with pytest.raises(ZeroDivisionError):
        call_with_deadline(5, divmod, 1, 0)

    def socket_timeout() -> None:
        raise TimeoutError("a socket's timeout, not our deadline")

    with pytest.raises(TimeoutError) as caught:
        call_with_deadline(5, socket_timeout)
    assert not isinstance(caught.value, DeadlineExpired)


def test_a_call_past_its_deadline_is_left_running_in_a_daemon_thread() -> None:
    release, finished = threading.Event(), threading.Event()
    seen: list[bool] = []

    def stuck() -> str:
        seen.append(threading.current_thread().daemon)
        release.wait(timeout=60)
        finished.set()
        return "late"

    with pytest.raises(DeadlineExpired) as caught:
        call_with_deadline(0.05, stuck)
    assert caught.value.seconds == 0.05 and str(caught.value) == "no result within 0.05 s"
    assert not finished.is_set()  # still running, abandoned rather than stopped
    release.set()
    assert finished.wait(timeout=60)
    assert seen == [True]


def test_a_future_carries_the_result_or_the_error() -> None:
    assert in_daemon_thread(sum, [1, 2, 3]).result(timeout=60) == 6
    with pytest.raises(KeyError):
        in_daemon_thread({}.__getitem__, "missing").result(timeout=60)
