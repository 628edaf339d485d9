"""Pass several arguments per call with Pool.starmap and functools.partial."""

from functools import partial
from multiprocessing import Pool

BASES = [1, 2, 3, 4]
EXPONENTS = [2, 3, 2, 3]
PAIRS = [(1, 2), (2, 3), (3, 2), (4, 3)]


def power(base: int, exponent: int) -> int:
    return base**exponent


def main() -> None:
    with Pool(processes=2) as pool:
        # Pool.map() takes one iterable only: zip the parameters and use starmap().
        print(
            "two iterables: ",
            pool.starmap(power, zip(BASES, EXPONENTS, strict=True)),
        )
        # Argument tuples: starmap() unpacks each one into the call.
        print("argument pairs:", pool.starmap(power, PAIRS))
        # A fixed argument: bind it with partial, which pickles (a lambda would not).
        print("fixed exponent:", pool.map(partial(power, exponent=2), BASES))


if __name__ == "__main__":
    main()
