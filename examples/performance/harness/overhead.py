"""Per-task overhead: a pool's own cost per task,
measured with tasks that do nothing."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor, as_completed
from multiprocessing.pool import ThreadPool

from .measure import Sample, Settings, Variant, time_repeatedly
from .pools import warm_executor, warm_pool
from .tasks import noop

TITLE = "Per-task overhead"
UNIT = "µs per task"
SCALE = 1e6
BASELINE = "Pool.map, default chunksize"
HELP = "trivial tasks through every way of handing work to a pool"
# Batched variants are ~100x cheaper per task,
# so they get more tasks to stay measurable.
BATCHED_FACTOR = 25


def variants(settings: Settings) -> list[Variant]:
    context, workers, minimum = (
        settings.context(),
        settings.workers,
        settings.min_time,
    )
    one_by_one, batched = settings.tasks, settings.tasks * BATCHED_FACTOR
    tuned = math.ceil(batched / (4 * workers))  # the chunksize Pool.map would choose

    def serial() -> Sample:
        return time_repeatedly(lambda: [noop(x) for x in range(batched)], minimum)

    def pool_map(n: int, chunksize: int | None) -> Sample:
        with warm_pool(context, workers) as pool:
            return time_repeatedly(
                lambda: pool.map(noop, range(n), chunksize), minimum
            )

    def pool_imap_unordered() -> Sample:
        with warm_pool(context, workers) as pool:
            return time_repeatedly(
                lambda: list(pool.imap_unordered(noop, range(one_by_one))), minimum
            )

    def pool_apply_async() -> Sample:
        def body() -> None:
            pending = [pool.apply_async(noop, (x,)) for x in range(one_by_one)]
            for result in pending:
                result.get()

        with warm_pool(context, workers) as pool:
            return time_repeatedly(body, minimum)

    def executor_map(n: int, chunksize: int) -> Sample:
        with warm_executor(context, workers) as executor:
            return time_repeatedly(
                lambda: list(executor.map(noop, range(n), chunksize=chunksize)),
                minimum,
            )

    def executor_as_completed() -> Sample:
        def body() -> None:
            futures = [executor.submit(noop, x) for x in range(one_by_one)]
            for future in as_completed(futures):
                future.result()

        with warm_executor(context, workers) as executor:
            return time_repeatedly(body, minimum)

    def thread_executor_map() -> Sample:
        with ThreadPoolExecutor(workers) as executor:
            return time_repeatedly(
                lambda: list(executor.map(noop, range(one_by_one))), minimum
            )

    def thread_pool_map() -> Sample:
        pool = ThreadPool(workers)
        try:
            return time_repeatedly(lambda: pool.map(noop, range(batched)), minimum)
        finally:
            # Leaving a `with ThreadPool()` block does not wait for its threads, and
            # forking while they still run is unsafe (Python 3.12+ warns); close()
            # and join() do wait.
            pool.close()
            pool.join()

    return [
        Variant("serial loop, no pool", serial, batched),
        Variant(
            BASELINE, lambda: pool_map(batched, None), batched, {"chunksize": tuned}
        ),
        Variant(
            "Pool.map, chunksize=1", lambda: pool_map(one_by_one, 1), one_by_one
        ),
        Variant(
            "Pool.imap_unordered", pool_imap_unordered, one_by_one, {"chunksize": 1}
        ),
        Variant("Pool.apply_async", pool_apply_async, one_by_one),
        Variant(
            "ProcessPoolExecutor.map, default chunksize",
            lambda: executor_map(one_by_one, 1),
            one_by_one,
            {"chunksize": 1},
        ),
        Variant(
            "ProcessPoolExecutor.map, tuned chunksize",
            lambda: executor_map(batched, tuned),
            batched,
            {"chunksize": tuned},
        ),
        Variant(
            "ProcessPoolExecutor.submit + as_completed",
            executor_as_completed,
            one_by_one,
        ),
        Variant("ThreadPoolExecutor.map", thread_executor_map, one_by_one),
        Variant("multiprocessing.pool.ThreadPool.map", thread_pool_map, batched),
    ]
