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

AUTO = 0
"""``jobs`` that asks for the default: every CPU, as far as the work pays for the workers."""

# Below this many tasks, starting processes costs more than it saves, whatever was asked.
MIN_PARALLEL = 16

# What a worker pays once, to start and import the step it runs (the Markdown parser, polib),
# is about 0.2 s of CPU; one article takes a few milliseconds. So by default a worker is started
# only for every this many tasks: 2 workers from 64 articles, 8 from 256.
TASKS_PER_WORKER = 32


def default_jobs() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def workers_for(tasks: int, jobs: int) -> int:
    """How many worker processes run ``tasks`` tasks; 1 means none (they run in this process).

    An explicit ``jobs`` is used as given once there are ``MIN_PARALLEL`` tasks; ``AUTO``
    starts one worker per ``TASKS_PER_WORKER`` tasks, up to every CPU.
    """
    if jobs == AUTO:
        return max(1, min(default_jobs(), tasks // TASKS_PER_WORKER))
    return jobs if tasks >= MIN_PARALLEL else 1


def run_tasks(function: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``map(function, items)``, in worker processes when that is worth it (see ``workers_for``)."""
    workers = workers_for(len(items), jobs)
    if workers <= 1:
        yield from map(function, items)
        return
    yield from pool_map(function, items, workers)
