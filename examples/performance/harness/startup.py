"""Worker start-up by start method, with the pool's creation timed and not timed.

Both pools do the same work when creation is timed: every worker is started and runs
a first task. (A `ProcessPoolExecutor` given one task starts only one worker under
spawn and forkserver.)
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable

from .measure import Sample, Settings, Variant, time_repeatedly
from .pools import warm_executor, warm_pool
from .tasks import noop

TITLE = "Worker start-up"
UNIT = "ms"
SCALE = 1e3
BASELINE = None
HELP = "one Process, a Pool and an executor started under fork, spawn and forkserver"


def variants(settings: Settings) -> list[Variant]:
    workers, minimum = settings.workers, settings.min_time

    def process(method: str) -> Sample:
        def body() -> None:
            worker = settings.context(method).Process(target=noop, args=(0,))
            worker.start()
            worker.join()

        return time_repeatedly(body, minimum)

    def cold(started: Callable, method: str) -> Sample:
        def body() -> None:
            with started(settings.context(method), workers):
                # Created, every worker started and past a first task, shut down.
                pass

        return time_repeatedly(body, minimum)

    def pool_warm(method: str) -> Sample:
        with warm_pool(settings.context(method), workers) as pool:
            return time_repeatedly(lambda: pool.apply(noop, (0,)), minimum)

    def executor_warm(method: str) -> Sample:
        with warm_executor(settings.context(method), workers) as executor:
            return time_repeatedly(
                lambda: executor.submit(noop, 0).result(), minimum
            )

    kinds = (
        ("Process: start, join", process, True),
        (
            f"Pool({workers}): create, every worker's first task, close, join",
            functools.partial(cold, warm_pool),
            True,
        ),
        (
            (
                f"ProcessPoolExecutor({workers}): "
                "create, every worker's first task, shutdown"
            ),
            functools.partial(cold, warm_executor),
            True,
        ),
        ("Pool: first result, workers already started", pool_warm, False),
        (
            "ProcessPoolExecutor: first result, workers already started",
            executor_warm,
            False,
        ),
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
