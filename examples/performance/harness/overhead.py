"""Per-task overhead: a pool's own cost per task, measured with tasks that do nothing."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor, as_completed
from multiprocessing.pool import ThreadPool

from .measure import Sample, Settings, Variant, timed
from .pools import warm_executor, warm_pool
from .tasks import noop

TITLE = "Per-task overhead"
UNIT = "µs per task"
SCALE = 1e6
BASELINE = "Pool.map, default chunksize"
HELP = "trivial tasks through every way of handing work to a pool"
# Batched variants are ~100x cheaper per task, so they get more tasks to stay measurable.
BATCHED_FACTOR = 25


def variants(settings: Settings) -> list[Variant]:
    context, workers = settings.context(), settings.workers
    one_by_one, batched = settings.tasks, settings.tasks * BATCHED_FACTOR
    tuned = math.ceil(batched / (4 * workers))  # the chunksize Pool.map would choose

    def serial() -> Sample:
        with timed() as sample:
            [noop(x) for x in range(batched)]
        return sample

    def pool_map(n: int, chunksize: int | None) -> Sample:
        with warm_pool(context, workers) as pool, timed() as sample:
            pool.map(noop, range(n), chunksize)
        return sample

    def pool_imap_unordered() -> Sample:
        with warm_pool(context, workers) as pool, timed() as sample:
            for _ in pool.imap_unordered(noop, range(one_by_one)):
                pass
        return sample

    def pool_apply_async() -> Sample:
        with warm_pool(context, workers) as pool, timed() as sample:
            pending = [pool.apply_async(noop, (x,)) for x in range(one_by_one)]
            for result in pending:
                result.get()
        return sample

    def executor_map(n: int, chunksize: int) -> Sample:
        with warm_executor(context, workers) as executor, timed() as sample:
            for _ in executor.map(noop, range(n), chunksize=chunksize):
                pass
        return sample

    def executor_as_completed() -> Sample:
        with warm_executor(context, workers) as executor, timed() as sample:
            futures = [executor.submit(noop, x) for x in range(one_by_one)]
            for future in as_completed(futures):
                future.result()
        return sample

    def thread_executor_map() -> Sample:
        with ThreadPoolExecutor(workers) as executor, timed() as sample:
            for _ in executor.map(noop, range(one_by_one)):
                pass
        return sample

    def thread_pool_map() -> Sample:
        pool = ThreadPool(workers)
        try:
            with timed() as sample:
                pool.map(noop, range(batched))
        finally:
            # Leaving a `with ThreadPool()` block does not wait for its threads, and forking
            # while they still run is unsafe (Python 3.12+ warns); close() and join() do wait.
            pool.close()
            pool.join()
        return sample

    return [
        Variant("serial loop, no pool", serial, batched),
        Variant(BASELINE, lambda: pool_map(batched, None), batched, {"chunksize": tuned}),
        Variant("Pool.map, chunksize=1", lambda: pool_map(one_by_one, 1), one_by_one),
        Variant("Pool.imap_unordered", pool_imap_unordered, one_by_one, {"chunksize": 1}),
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
        Variant("ProcessPoolExecutor.submit + as_completed", executor_as_completed, one_by_one),
        Variant("ThreadPoolExecutor.map", thread_executor_map, one_by_one),
        Variant("multiprocessing.pool.ThreadPool.map", thread_pool_map, batched),
    ]
