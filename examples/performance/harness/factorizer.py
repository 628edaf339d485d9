"""The CPU-bound job of "Same job, two APIs": its numbers and its worker function,
copied.

The harness carries its own copy so that it runs from any folder it is copied to, and
so that the function pickles by this module's name under every start method. The
reader's script, examples/same-job-two-apis/same_job_two_apis_serial.py, is the
original; a test in tests/test_repo_rules.py fails when the two differ.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .measure import Sample

QUICK_NUMBERS = 2

# Semiprimes with factors near 1.5 and 2.5 million:
# each takes tens of milliseconds to split.
NUMBERS = [
    3750031000063,
    3750088000513,
    3750176002009,
    3750184002193,
    3750218003149,
    3750274004941,
    3750308006177,
    3750328007081,
    3750416011009,
    3750458013221,
    3750544019177,
    3750571021147,
    3750592022657,
    3750614024453,
    3750658028237,
    3750712033441,
]


def factorize(n: int) -> list[int]:
    """Return the prime factors of n in ascending order, by naive trial division."""
    factors = []
    divisor = 2
    while divisor * divisor <= n:
        while n % divisor == 0:
            factors.append(divisor)
            n //= divisor
        divisor += 1 if divisor == 2 else 2
    if n > 1:
        factors.append(n)
    return factors


def job(quick: bool) -> tuple[Callable[[int], list[int]], list[int]]:
    """The worker function and the numbers it splits (the first few with --quick)."""
    return factorize, NUMBERS[:QUICK_NUMBERS] if quick else NUMBERS


def results_checker(quick: bool) -> Callable[[Sample], Sample]:
    """A check that a sample's results equal the serial loop's, computed once,
    outside the clock."""
    factorize, numbers = job(quick)

    @functools.cache
    def expected() -> list[list[int]]:
        return [factorize(n) for n in numbers]

    def check(sample: Sample) -> Sample:
        if list(sample.result) != expected():
            raise RuntimeError(
                "a pool returned different factors from the serial loop"
            )
        return sample

    return check
