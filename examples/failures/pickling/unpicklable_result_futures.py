"""A task whose result cannot be pickled: ProcessPoolExecutor raises the error."""

import threading
from concurrent.futures import ProcessPoolExecutor


def make_lock(x: int) -> threading.Lock:
    return threading.Lock()  # runs fine in the worker; sending it back fails


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # --8<-- [start:run]
        try:
            executor.submit(make_lock, 1).result(timeout=10)  # a safety net only
        except TypeError as exc:
            print(
                f"result() raised {type(exc).__module__}.{type(exc).__name__}: {exc}"
            )
            print("__cause__:", type(exc.__cause__).__name__)
        # --8<-- [end:run]
        print(
            "the executor still works:", executor.submit(abs, -2).result(timeout=10)
        )


if __name__ == "__main__":
    main()
