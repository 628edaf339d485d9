"""Count how much input ProcessPoolExecutor.map reads before any result."""

import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

TOTAL = 10_000
pulled = 0  # inputs taken from the generator so far (it runs in this process)


def inputs() -> Iterator[int]:
    global pulled
    for n in range(TOTAL):
        pulled += 1
        yield n


def slow_square(n: int) -> int:
    time.sleep(0.1)
    return n * n


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # map() submits a task for every input before
        # it returns, however slow the workers.
        results = executor.map(slow_square, inputs())
        print("first result:", next(results))
        read = "all" if pulled == TOTAL else "only part"
        print(f"inputs read by then: {read} of {TOTAL}")
        # Drop the thousands of queued tasks
        # instead of waiting for them (Python 3.9+).
        executor.shutdown(cancel_futures=True)


if __name__ == "__main__":
    main()
