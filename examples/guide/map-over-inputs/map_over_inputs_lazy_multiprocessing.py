"""Count how much input multiprocessing.Pool.imap reads before any result."""

import time
from collections.abc import Iterator
from multiprocessing import Pool

TOTAL = 10_000
pulled = 0  # inputs taken from the generator so far (a thread of the pool runs it)


def inputs() -> Iterator[int]:
    global pulled
    for n in range(TOTAL):
        pulled += 1
        yield n


def slow_square(n: int) -> int:
    time.sleep(0.1)
    return n * n


def main() -> None:
    with Pool(processes=2) as pool:
        # imap() returns at once; a pool thread feeds inputs to the workers
        # through a pipe and stops, for now, when that pipe is full.
        results = pool.imap(slow_square, inputs())
        print("first result:", next(results))
        seen = -1
        while seen != pulled:  # wait until the feeding thread is blocked
            seen = pulled
            time.sleep(0.1)
        read = "all" if pulled == TOTAL else "only part"
        print(f"inputs read by then: {read} of {TOTAL}")
    # Leaving the block terminates the workers and drops the unread input.


if __name__ == "__main__":
    main()
