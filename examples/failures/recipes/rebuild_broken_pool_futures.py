"""Recover from BrokenProcessPool with a new ProcessPoolExecutor.

Resubmit what is left to it.
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool


def work(x: int, attempt: int) -> int:
    if x == 5 and attempt == 0:
        # A crash that a retry does not repeat, e.g.
        # the out-of-memory killer on a busy machine.
        os._exit(1)
    return x * x


# --8<-- [start:retry]
def run_all(items: list[int], max_attempts: int = 3) -> tuple[dict[int, int], int]:
    """Results by item, and how many executors it took."""
    # spawn: a new executor must not fork while
    # threads of the broken one may still run.
    context = multiprocessing.get_context("spawn")
    results: dict[int, int] = {}
    for attempt in range(max_attempts):
        todo = [x for x in items if x not in results]
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as executor:
            futures = {executor.submit(work, x, attempt): x for x in todo}
            for future in as_completed(futures):
                if isinstance(future.exception(), BrokenProcessPool):
                    # This executor is dead; the next attempt resubmits the item.
                    continue
                # Re-raises any other error.
                results[futures[future]] = future.result()
        if len(results) == len(items):
            return results, attempt + 1
    raise RuntimeError(f"{len(items) - len(results)} items still failing")


# --8<-- [end:retry]


def main() -> None:
    results, executors = run_all(list(range(8)))
    print("results:", [results[x] for x in range(8)])
    print("executors used:", executors)


if __name__ == "__main__":
    main()
