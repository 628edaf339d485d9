"""Recover from a lost multiprocessing.Pool task.

Give up after a deadline, and retry in a new Pool.
"""

import contextlib
import multiprocessing
import os
import time


def work(x: int, attempt: int) -> int:
    if x == 5 and attempt == 0:
        # A crash that a retry does not repeat, e.g.
        # the out-of-memory killer on a busy machine.
        os._exit(1)
    return x * x


# --8<-- [start:retry]
def run_all(
    items: list[int], deadline: float = 1.0, max_attempts: int = 5
) -> dict[int, int]:
    """Results by item.

    Pool cannot tell a crashed task from a slow one: both miss the deadline.
    """
    # spawn: a Pool replaces crashed workers from
    # a thread, and fork from a thread is unsafe.
    context = multiprocessing.get_context("spawn")
    results: dict[int, int] = {}
    for attempt in range(max_attempts):
        todo = [x for x in items if x not in results]
        with context.Pool(processes=2) as pool:
            pending = {x: pool.apply_async(work, (x, attempt)) for x in todo}
            end = time.monotonic() + deadline
            for x, result in pending.items():
                # Lost or late: leaving the block terminates
                # the pool; the next attempt retries.
                with contextlib.suppress(multiprocessing.TimeoutError):
                    results[x] = result.get(timeout=max(0, end - time.monotonic()))
        if len(results) == len(items):
            return results
    raise RuntimeError(f"{len(items) - len(results)} items still missing")


# --8<-- [end:retry]


def main() -> None:
    results = run_all(list(range(8)))
    print("results:", [results[x] for x in range(8)])


if __name__ == "__main__":
    main()
