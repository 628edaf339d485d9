"""Pass several arguments per call to concurrent.futures.ProcessPoolExecutor.map."""

from concurrent.futures import ProcessPoolExecutor
from functools import partial

BASES = [1, 2, 3, 4]
EXPONENTS = [2, 3, 2, 3]
PAIRS = [(1, 2), (2, 3), (3, 2), (4, 3)]


def power(base: int, exponent: int) -> int:
    return base**exponent


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # One iterable per parameter: map() zips them and stops at the shortest.
        print("two iterables: ", list(executor.map(power, BASES, EXPONENTS)))
        # Argument tuples: unzip them into one iterable per parameter.
        print(
            "argument pairs:", list(executor.map(power, *zip(*PAIRS, strict=True)))
        )
        # A fixed argument: bind it with partial, which pickles (a lambda would not).
        print(
            "fixed exponent:", list(executor.map(partial(power, exponent=2), BASES))
        )


if __name__ == "__main__":
    main()
