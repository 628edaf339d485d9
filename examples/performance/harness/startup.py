"""Worker start-up by start method, with the pool's creation timed and not timed."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from .measure import Sample, Settings, Variant, timed
from .pools import warm_executor, warm_pool
from .tasks import noop

TITLE = "Worker start-up"
UNIT = "ms"
SCALE = 1e3
BASELINE = None
HELP = "one Process, a Pool and an executor started under fork, spawn and forkserver"


def variants(settings: Settings) -> list[Variant]:
    workers = settings.workers

    def process(method: str) -> Sample:
        context = settings.context(method)
        with timed() as sample:
            worker = context.Process(target=noop, args=(0,))
            worker.start()
            worker.join()
        return sample

    def pool_cold(method: str) -> Sample:
        context = settings.context(method)
        with timed() as sample:
            pool = context.Pool(workers)
            pool.apply(noop, (0,))
            pool.close()
            pool.join()
        return sample

    def executor_cold(method: str) -> Sample:
        context = settings.context(method)
        with timed() as sample:
            executor = ProcessPoolExecutor(workers, mp_context=context)
            executor.submit(noop, 0).result()
            executor.shutdown()
        return sample

    def pool_warm(method: str) -> Sample:
        with warm_pool(settings.context(method), workers) as pool, timed() as sample:
            pool.apply(noop, (0,))
        return sample

    def executor_warm(method: str) -> Sample:
        with warm_executor(settings.context(method), workers) as executor, timed() as sample:
            executor.submit(noop, 0).result()
        return sample

    kinds = (
        ("Process: start, join", process, True),
        (f"Pool({workers}): create, first result, close, join", pool_cold, True),
        (f"ProcessPoolExecutor({workers}): create, first result, shutdown", executor_cold, True),
        ("Pool: first result, workers already started", pool_warm, False),
        ("ProcessPoolExecutor: first result, workers already started", executor_warm, False),
    )
    return [
        Variant(
            f"{method}: {what}",
            lambda run=run, method=method: run(method),
            1,
            {"start_method": method, "what": what, "creation_timed": creation_timed},
        )
        for method in multiprocessing.get_all_start_methods()
        for what, run, creation_timed in kinds
    ]
