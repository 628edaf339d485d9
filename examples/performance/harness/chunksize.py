"""The chunksize sweep: the same trivial tasks with Pool.map
and ProcessPoolExecutor.map."""

from __future__ import annotations

import math

from .measure import Sample, Settings, Variant, time_repeatedly
from .pools import warm_executor, warm_pool
from .tasks import noop

TITLE = "Chunksize sweep"
UNIT = "µs per task"
SCALE = 1e6
BASELINE = "Pool.map, chunksize=1"
HELP = "Pool.map and ProcessPoolExecutor.map with chunksizes from 1 up"
TASKS_FACTOR = 2


def chunksizes(tasks: int, workers: int) -> list[int]:
    """Powers of 4 below the chunksize Pool.map picks by default,
    tasks / (4 x workers), then it."""
    default = math.ceil(tasks / (4 * workers))
    return [4**power for power in range(12) if 4**power * 2 <= default] + [default]


def variants(settings: Settings) -> list[Variant]:
    context, workers, minimum = (
        settings.context(),
        settings.workers,
        settings.min_time,
    )
    tasks = settings.tasks * TASKS_FACTOR

    def pool_map(chunksize: int) -> Sample:
        with warm_pool(context, workers) as pool:
            return time_repeatedly(
                lambda: pool.map(noop, range(tasks), chunksize), minimum
            )

    def executor_map(chunksize: int) -> Sample:
        with warm_executor(context, workers) as executor:
            return time_repeatedly(
                lambda: list(executor.map(noop, range(tasks), chunksize=chunksize)),
                minimum,
            )

    found = []
    for size in chunksizes(tasks, workers):
        for api, run in (
            ("Pool.map", pool_map),
            ("ProcessPoolExecutor.map", executor_map),
        ):
            found.append(
                Variant(
                    f"{api}, chunksize={size}",
                    lambda run=run, size=size: run(size),
                    tasks,
                    {"api": api, "chunksize": size},
                )
            )
    return found
