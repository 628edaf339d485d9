"""What multiprocessing.Pool can send to workers: module functions and partials."""

import functools
import pickle
from multiprocessing import Pool


def power(base: int, exponent: int) -> int:
    return base**exponent


def square(n: int) -> int:
    return n * n


def main() -> None:
    def cube(n: int) -> int:  # defined inside main(): pickle cannot find it by name
        return n**3

    candidates = {
        "module-level function": square,
        "functools.partial of one": functools.partial(power, exponent=4),
        "lambda": lambda n: n + 1,
        "function defined in main()": cube,
    }
    with Pool(processes=1) as pool:
        for label, function in candidates.items():
            try:
                print(f"{label}: {pool.apply(function, (3,))}")
            # AttributeError up to Python 3.13.
            except (pickle.PicklingError, AttributeError):
                print(f"{label}: cannot be pickled")


if __name__ == "__main__":
    main()
