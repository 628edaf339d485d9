"""A multiprocessing.Pool initializer that only works with fork, and the fix."""

import multiprocessing
import pickle

_offset = 0


def set_offset(offset: int) -> None:
    global _offset
    _offset = offset


def add_offset(n: int) -> int:
    return n + _offset


def main() -> None:
    cases = [
        # With fork, the workers inherit the initializer:
        # nothing is pickled, so a lambda works.
        ("fork", "lambda", lambda: set_offset(100)),
        # forkserver and spawn pickle the initializer
        # and initargs to send them to each worker.
        ("forkserver", "lambda", lambda: set_offset(100)),
        ("forkserver", "module-level function", set_offset),
    ]
    for method, kind, initializer in cases:
        context = multiprocessing.get_context(method)
        initargs = (100,) if initializer is set_offset else ()
        try:
            with context.Pool(1, initializer=initializer, initargs=initargs) as pool:
                outcome = pool.apply(add_offset, (1,))
        # AttributeError up to Python 3.13.
        except (pickle.PicklingError, AttributeError):
            outcome = "cannot be pickled"
        print(f"{method:>10}, {kind} initializer: {outcome}")


if __name__ == "__main__":
    main()
