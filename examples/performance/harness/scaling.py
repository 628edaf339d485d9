"""Scaling: the factorizer job with 1 to N workers, against the serial loop."""

from __future__ import annotations

from .factorizer import job, results_checker
from .measure import Sample, Settings, Variant, time_repeatedly
from .pools import warm_executor, warm_pool

TITLE = "Scaling with workers"
UNIT = "s"
SCALE = 1.0
BASELINE = "serial loop"
HELP = (
    "the factorizer of 'Same job, two APIs' on 1 to --workers workers "
    "(pools already started)"
)


def variants(settings: Settings) -> list[Variant]:
    factorize, numbers = job(settings.quick)
    check = results_checker(settings.quick)

    context, minimum = settings.context(), settings.min_time

    def serial() -> Sample:
        return check(
            time_repeatedly(lambda: [factorize(n) for n in numbers], minimum)
        )

    def pool_map(workers: int) -> Sample:
        with warm_pool(context, workers) as pool:
            return check(
                time_repeatedly(lambda: pool.map(factorize, numbers), minimum)
            )

    def executor_map(workers: int) -> Sample:
        with warm_executor(context, workers) as executor:
            return check(
                time_repeatedly(
                    lambda: list(executor.map(factorize, numbers)), minimum
                )
            )

    found = [Variant(BASELINE, serial, 1, {"api": "serial", "workers": 1})]
    for workers in range(1, settings.workers + 1):
        for api, run in (
            ("Pool.map", pool_map),
            ("ProcessPoolExecutor.map", executor_map),
        ):
            found.append(
                Variant(
                    f"{api}, {workers} worker{'s' if workers > 1 else ''}",
                    lambda run=run, workers=workers: run(workers),
                    1,
                    {"api": api, "workers": workers},
                )
            )
    return found
