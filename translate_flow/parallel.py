"""Run per-article work in worker processes, with results in input order.

Results are identical to a serial run because each task only reads its own
article and writes its own files; anything that looks across the project is done
afterwards, in the main process.

Workers come from a fork server, so they do not inherit the project lock's file
descriptor, and on Linux each asks the kernel to kill it when its parent dies: a
killed run leaves no orphan still writing or holding the lock.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many tasks, starting processes costs more than it saves.
MIN_PARALLEL = 16
_PR_SET_PDEATHSIG = 1


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _worker_setup() -> None:
    # Ctrl-C is the parent's to handle; the workers just stop with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def run_tasks(function: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``map(function, items)``, in ``jobs`` processes when that is worth it."""
    if jobs <= 1 or len(items) < MIN_PARALLEL:
        yield from map(function, items)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["translate_flow.extract", "translate_flow.workflow"])
    chunk = max(1, min(64, len(items) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_setup) as pool:
        yield from pool.map(function, items, chunksize=chunk)
