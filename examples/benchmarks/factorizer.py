"""The CPU-bound job of "Same job, two APIs", imported from its script rather than copied."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

SCRIPT = "examples.same_job_two_apis.same_job_two_apis_serial"
QUICK_NUMBERS = 2


class MissingJob(Exception):
    """The harness was copied without the example it measures."""


def job(quick: bool) -> tuple[Callable[[int], list[int]], list[int]]:
    """The worker function and the numbers; importing by name lets every start method pickle it."""
    try:
        module = importlib.import_module(SCRIPT)
    except ImportError as error:
        raise MissingJob(
            f"cannot import {SCRIPT} ({error}); run from the repository root"
        ) from None
    numbers = module.NUMBERS[:QUICK_NUMBERS] if quick else module.NUMBERS
    return module.factorize, numbers


def results_checker(quick: bool) -> Callable[[list], None]:
    """A check that pool results equal the serial loop's, computed once and outside the clock."""
    factorize, numbers = job(quick)

    @functools.cache
    def expected() -> list[list[int]]:
        return [factorize(n) for n in numbers]

    def check(results: list) -> None:
        if list(results) != expected():
            raise RuntimeError("a pool returned different factors from the serial loop")

    return check
