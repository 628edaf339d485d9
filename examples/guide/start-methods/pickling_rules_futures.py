"""What ProcessPoolExecutor can send to workers: module-level functions, partials."""

import functools
import pickle
from concurrent.futures import ProcessPoolExecutor


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
    with ProcessPoolExecutor(max_workers=1) as executor:
        for label, function in candidates.items():
            # Never raises: the error is in the future.
            future = executor.submit(function, 3)
            try:
                print(f"{label}: {future.result()}")
            # AttributeError up to Python 3.13.
            except (pickle.PicklingError, AttributeError):
                print(f"{label}: cannot be pickled")


if __name__ == "__main__":
    main()
