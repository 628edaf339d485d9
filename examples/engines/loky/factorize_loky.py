"""Factorize numbers in worker processes with loky's reusable ProcessPoolExecutor."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["loky"]
# [tool.fvm]
# start-methods = []  # loky starts its workers its own way: run once
# ///

# --8<-- [start:imports]
from loky import get_reusable_executor

# --8<-- [end:imports]

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


def report(numbers: list[int], results: list[list[int]]) -> None:
    for n, factors in zip(numbers, results, strict=True):
        print(f"{n} = {' * '.join(map(str, factors))}")


# --8<-- [start:run]
def main() -> None:
    # One worker per CPU by default. Later calls get
    # the same executor back, workers already running,
    # until they have been idle for `timeout` seconds (10 by default).
    executor = get_reusable_executor()
    results = list(executor.map(factorize, NUMBERS))
    report(NUMBERS, results)


# --8<-- [end:run]


if __name__ == "__main__":
    main()
