"""multiprocessing.Pool.map raises at once on an unpicklable function or argument."""

import pickle
import threading
from multiprocessing import Pool


def work(x: object) -> str:
    return type(x).__name__


def main() -> None:
    with Pool(processes=2) as pool:
        # --8<-- [start:run]
        for label, fn, arg in [
            ("a lambda as the function", lambda x: x, 1),
            ("a lock as the argument", work, threading.Lock()),
        ]:
            try:
                pool.map(fn, [arg])  # map() blocks, so the error surfaces right here
            except (AttributeError, TypeError, pickle.PicklingError) as exc:
                # The type only: the message's wording differs
                # between Python releases, and from 3.14 a
                # lambda's message shows its memory address.
                print(f"{label}: map() raised {type(exc).__name__}")
        # --8<-- [end:run]
        print("the pool still works:", pool.apply(work, (1,)))


if __name__ == "__main__":
    main()
