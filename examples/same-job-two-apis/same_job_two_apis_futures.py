"""Factorize numbers in worker processes with ProcessPoolExecutor.map."""

# --8<-- [start:imports]
from concurrent.futures import ProcessPoolExecutor

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
    # One worker per CPU by default (per CPU this process may use, from Python 3.13);
    # map() submits every number, then yields the results in input order.
    with ProcessPoolExecutor() as executor:
        results = list(executor.map(factorize, NUMBERS))
    report(NUMBERS, results)


# --8<-- [end:run]


if __name__ == "__main__":
    main()
