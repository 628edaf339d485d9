"""Same job, two APIs, measured: the scripts' whole run,
pool start and shutdown included."""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from .factorizer import job, results_checker
from .measure import Sample, Settings, Variant, time_repeatedly

TITLE = "Same job, two APIs"
UNIT = "s"
SCALE = 1.0
BASELINE = "serial loop"
HELP = (
    "the factorizer serially, with Pool.map, "
    "and with executor.map at chunksize 1 and tuned"
)


def variants(settings: Settings) -> list[Variant]:
    factorize, numbers = job(settings.quick)
    check = results_checker(settings.quick)

    context, workers, minimum = (
        settings.context(),
        settings.workers,
        settings.min_time,
    )
    tuned = math.ceil(
        len(numbers) / (4 * workers)
    )  # what Pool.map picks for this job

    # --8<-- [start:variants]
    def serial() -> list:
        return [factorize(n) for n in numbers]

    def pool_map() -> list:
        with context.Pool(workers) as pool:
            return pool.map(factorize, numbers)

    def executor_map(chunksize: int) -> list:
        with ProcessPoolExecutor(workers, mp_context=context) as executor:
            return list(executor.map(factorize, numbers, chunksize=chunksize))

    # --8<-- [end:variants]
    def timed_script(script: Callable[[], list]) -> Callable[[], Sample]:
        return lambda: check(time_repeatedly(script, minimum))

    return [
        Variant(BASELINE, timed_script(serial), 1, {"workers": 1}),
        Variant(
            "Pool.map, default chunksize",
            timed_script(pool_map),
            1,
            {"chunksize": tuned},
        ),
        Variant(
            "ProcessPoolExecutor.map, default chunksize",
            timed_script(lambda: executor_map(1)),
            1,
            {"chunksize": 1},
        ),
        Variant(
            f"ProcessPoolExecutor.map, chunksize={tuned}",
            timed_script(lambda: executor_map(tuned)),
            1,
            {"chunksize": tuned},
        ),
    ]
