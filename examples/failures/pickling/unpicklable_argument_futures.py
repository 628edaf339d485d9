"""ProcessPoolExecutor.submit accepts an unpicklable function or argument.

The future's result() raises.
"""

import pickle
import threading
from concurrent.futures import ProcessPoolExecutor


def work(x: object) -> str:
    return type(x).__name__


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # --8<-- [start:run]
        for label, fn, arg in [
            ("a lambda as the function", lambda x: x, 1),
            ("a lock as the argument", work, threading.Lock()),
        ]:
            future = executor.submit(fn, arg)  # no error yet: pickling happens later
            try:
                # A safety net only: the error arrives without it.
                future.result(timeout=10)
            except (AttributeError, TypeError, pickle.PicklingError) as exc:
                # The type only: the message's wording differs
                # between Python releases, and from 3.14 a
                # lambda's message shows its memory address.
                print(f"{label}: result() raised {type(exc).__name__}")
        # --8<-- [end:run]
        print(
            "the executor still works:", executor.submit(work, 1).result(timeout=10)
        )


if __name__ == "__main__":
    main()
