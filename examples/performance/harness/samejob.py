"""Same job, two APIs, measured: the scripts' whole run, pool start and shutdown included."""

from __future__ import annotations

import math
from concurrent.futures import ProcessPoolExecutor

from .factorizer import job, results_checker
from .measure import Sample, Settings, Variant, timed

TITLE = "Same job, two APIs"
UNIT = "s"
SCALE = 1.0
BASELINE = "serial loop"
HELP = "the factorizer serially, with Pool.map, and with executor.map at chunksize 1 and tuned"


def variants(settings: Settings) -> list[Variant]:
    factorize, numbers = job(settings.quick)
    check = results_checker(settings.quick)

    context, workers = settings.context(), settings.workers
    tuned = math.ceil(len(numbers) / (4 * workers))  # what Pool.map picks for this job

    # --8<-- [start:variants]
    def serial() -> Sample:
        with timed() as sample:
            results = [factorize(n) for n in numbers]
        check(results)
        return sample

    def pool_map() -> Sample:
        with timed() as sample, context.Pool(workers) as pool:
            results = pool.map(factorize, numbers)
        check(results)
        return sample

    def executor_map(chunksize: int) -> Sample:
        with timed() as sample, ProcessPoolExecutor(workers, mp_context=context) as executor:
            results = list(executor.map(factorize, numbers, chunksize=chunksize))
        check(results)
        return sample

    # --8<-- [end:variants]
    return [
        Variant(BASELINE, serial, 1, {"workers": 1}),
        Variant("Pool.map, default chunksize", pool_map, 1, {"chunksize": tuned}),
        Variant(
            "ProcessPoolExecutor.map, default chunksize",
            lambda: executor_map(1),
            1,
            {"chunksize": 1},
        ),
        Variant(
            f"ProcessPoolExecutor.map, chunksize={tuned}",
            lambda: executor_map(tuned),
            1,
            {"chunksize": tuned},
        ),
    ]
