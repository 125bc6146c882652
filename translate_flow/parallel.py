"""Run per-article work in worker processes, with results in input order.

Results are identical to a serial run because each task only reads its own
article and writes its own files; anything that looks across the project is done
afterwards, in the main process. The processes themselves live in ``worker_pool``,
imported only by a run that starts them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from translate_flow.lazy import lazy

if TYPE_CHECKING:
    from translate_flow.worker_pool import pool_map
else:
    pool_map = lazy("translate_flow.worker_pool:pool_map")

T = TypeVar("T")
R = TypeVar("R")

# Below this many tasks, starting processes costs more than it saves.
MIN_PARALLEL = 16


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_tasks(function: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``map(function, items)``, in ``jobs`` processes when that is worth it."""
    if jobs <= 1 or len(items) < MIN_PARALLEL:
        yield from map(function, items)
        return
    yield from pool_map(function, items, jobs)
