"""Pools whose every worker is running and past a first task before the clock starts.

Sending a few no-op tasks per worker is not enough: under spawn and forkserver the
first worker to boot can take them all while the others are still starting, so a
timed region that follows would include a worker's start-up. Here each worker takes
one task that waits at a barrier until all of them hold one: the tasks return only
once every worker runs, and each returns its worker's PID, so the caller knows that
it got `workers` distinct processes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool

from .tasks import meet, share_barrier


def start_every_worker(
    map_tasks: Callable[[Callable[[int], int], range], Iterable[int]], workers: int
) -> set[int]:
    """Give each worker one `meet` task through `map_tasks`;
    return the distinct worker PIDs."""
    pids = set(map_tasks(meet, range(workers)))
    if (
        len(pids) != workers
    ):  # cannot happen while each task waits for all the others
        raise RuntimeError(f"{len(pids)} of {workers} workers ran the first task")
    return pids


@contextlib.contextmanager
def warm_pool(context: BaseContext, workers: int) -> Iterator[Pool]:
    """A Pool whose workers have all booted and each run a task."""
    pool = context.Pool(
        workers, initializer=share_barrier, initargs=(context.Barrier(workers),)
    )
    try:
        start_every_worker(
            lambda task, items: pool.map(task, items, chunksize=1), workers
        )
        yield pool
    finally:
        pool.close()
        pool.join()


@contextlib.contextmanager
def warm_executor(
    context: BaseContext, workers: int
) -> Iterator[ProcessPoolExecutor]:
    """An executor whose workers have all booted and each run a task.

    The executor starts workers on demand: under spawn and forkserver, one per
    submitted task that finds no idle worker. The waiting tasks keep every worker
    busy, so each submit starts one more, up to `workers`.
    """
    executor = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=share_barrier,
        initargs=(context.Barrier(workers),),
    )
    try:
        start_every_worker(executor.map, workers)
        yield executor
    finally:
        executor.shutdown()
