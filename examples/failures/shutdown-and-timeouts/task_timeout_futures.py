"""Future.result(timeout=...) stops waiting, not the task.

cancel() cannot stop it either.
"""

import concurrent.futures
import time
from concurrent.futures import ProcessPoolExecutor


def slow_square(x: int) -> int:
    time.sleep(0.6)
    return x * x


def main() -> None:
    with ProcessPoolExecutor(max_workers=1) as executor:
        # --8<-- [start:run]
        future = executor.submit(slow_square, 3)
        try:
            future.result(timeout=0.1)
        except concurrent.futures.TimeoutError as exc:
            print("result(timeout=0.1) raised concurrent.futures.TimeoutError")
            # The built-in TimeoutError since Python 3.11; a class of its own before.
            print(
                "  which is the built-in TimeoutError:",
                isinstance(exc, TimeoutError),
            )
        print("cancel() on a running task returns", future.cancel())
        print("the task ran on; its result:", future.result(timeout=10))
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
