"""Leaving a ProcessPoolExecutor's with block waits for every submitted task."""

import time
from concurrent.futures import ProcessPoolExecutor


def slow_square(x: int) -> int:
    time.sleep(0.2)
    return x * x


def main() -> None:
    # --8<-- [start:run]
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(slow_square, x) for x in range(4)]
    # __exit__ called shutdown(wait=True): every task ran to the end.
    print("results:", [future.result(timeout=0) for future in futures])
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
