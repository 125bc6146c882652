"""The worker processes behind :func:`translate_flow.parallel.run_tasks`, imported only when a run uses them.

Workers come from a fork server, so they do not inherit the project lock's file
descriptor. Their parent is that server, not the run, so each worker watches the
run's process and exits when it is gone: a killed run leaves no orphan still
writing, and once the workers are gone the fork server ends too.

The fork server's preload list is left as it is: it belongs to the whole process
(every fork-server pool of an application using this library shares it), so it is
not ours to set. Each worker imports the step it runs when its first task arrives,
a fraction of a second paid once per worker, not per task.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["pool_map"]

T = TypeVar("T")
R = TypeVar("R")


def _watch(run_pid: int) -> None:
    while True:
        time.sleep(0.5)
        try:
            os.kill(run_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


def _worker_setup(run_pid: int) -> None:
    # Ctrl-C is the run's to handle; the workers just stop with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(run_pid,), daemon=True, name="run-watch").start()


def pool_map(function: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``map(function, items)`` in ``jobs`` worker processes, results in input order."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    # Small chunks: the last one a worker takes decides when the run ends, and 16 articles
    # (about 60 ms) keep the workers' finishing times close; their traffic costs far less.
    chunk = max(1, min(16, len(items) // (jobs * 16)))
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_worker_setup, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(function, items, chunksize=chunk)
