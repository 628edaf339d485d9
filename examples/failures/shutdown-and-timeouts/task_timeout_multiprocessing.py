"""AsyncResult.get(timeout=...) stops waiting, not the task.

The result still arrives.
"""

import multiprocessing
import time


def slow_square(x: int) -> int:
    time.sleep(0.6)
    return x * x


def main() -> None:
    with multiprocessing.Pool(processes=1) as pool:
        # --8<-- [start:run]
        result = pool.apply_async(slow_square, (3,))
        try:
            result.get(timeout=0.1)
        except multiprocessing.TimeoutError as exc:  # not the built-in TimeoutError
            print("get(timeout=0.1) raised multiprocessing.TimeoutError")
            print(
                "  which is the built-in TimeoutError:",
                isinstance(exc, TimeoutError),
            )
        print("AsyncResult has no cancel():", not hasattr(result, "cancel"))
        print("the task ran on; its result:", result.get(timeout=10))
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
