"""How many worker processes a run starts: every CPU by default, as far as the work pays for them."""

from __future__ import annotations

import operator

from translate_flow.parallel import AUTO, MIN_PARALLEL, TASKS_PER_WORKER, default_jobs, run_tasks, workers_for


def test_the_default_starts_no_worker_for_small_work() -> None:
    assert workers_for(0, AUTO) == 1
    assert workers_for(2 * TASKS_PER_WORKER - 1, AUTO) == 1


def test_the_default_grows_with_the_work_up_to_every_cpu() -> None:
    cpus = default_jobs()
    assert workers_for(2 * TASKS_PER_WORKER, AUTO) == min(2, cpus)
    assert workers_for(1000 * TASKS_PER_WORKER, AUTO) == cpus
    counts = [workers_for(n, AUTO) for n in range(0, 20 * TASKS_PER_WORKER, 7)]
    assert counts == sorted(counts)


def test_an_explicit_count_is_used_once_there_is_enough_work() -> None:
    assert workers_for(MIN_PARALLEL - 1, 4) == 1
    assert workers_for(MIN_PARALLEL, 4) == 4
    assert workers_for(10_000, 1) == 1


def test_results_come_back_in_input_order_whatever_the_workers() -> None:
    items = list(range(3 * TASKS_PER_WORKER))
    assert list(run_tasks(operator.neg, items, AUTO)) == [-n for n in items]
    assert list(run_tasks(operator.neg, items, 2)) == [-n for n in items]
