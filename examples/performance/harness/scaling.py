"""Scaling: the factorizer job with 1 to N workers, against the serial loop."""

from __future__ import annotations

from .factorizer import job, results_checker
from .measure import Sample, Settings, Variant, timed
from .pools import warm_executor, warm_pool

TITLE = "Scaling with workers"
UNIT = "s"
SCALE = 1.0
BASELINE = "serial loop"
HELP = "the factorizer of 'Same job, two APIs' on 1 to --workers workers (pools already started)"


def variants(settings: Settings) -> list[Variant]:
    factorize, numbers = job(settings.quick)
    check = results_checker(settings.quick)

    context = settings.context()

    def serial() -> Sample:
        with timed() as sample:
            results = [factorize(n) for n in numbers]
        check(results)
        return sample

    def pool_map(workers: int) -> Sample:
        with warm_pool(context, workers) as pool, timed() as sample:
            results = pool.map(factorize, numbers)
        check(results)
        return sample

    def executor_map(workers: int) -> Sample:
        with warm_executor(context, workers) as executor, timed() as sample:
            results = list(executor.map(factorize, numbers))
        check(results)
        return sample

    found = [Variant(BASELINE, serial, 1, {"api": "serial", "workers": 1})]
    for workers in range(1, settings.workers + 1):
        for api, run in (("Pool.map", pool_map), ("ProcessPoolExecutor.map", executor_map)):
            found.append(
                Variant(
                    f"{api}, {workers} worker{'s' if workers > 1 else ''}",
                    lambda run=run, workers=workers: run(workers),
                    1,
                    {"api": api, "workers": workers},
                )
            )
    return found
