"""Contain a memory leak: ProcessPoolExecutor(max_tasks_per_child=...) replaces each worker."""

# /// script
# requires-python = ">=3.11"
# ///

import os
from concurrent.futures import ProcessPoolExecutor

_cache: list[bytes] = []  # grows by 1 MB per task and is never cleared: a leak


def leaky_task(x: int) -> tuple[int, int]:
    _cache.append(bytes(1_000_000))
    return os.getpid(), len(_cache)


def main() -> None:
    # --8<-- [start:run]
    # A new worker for every task (Python 3.11+; the executor then starts workers with spawn).
    # Keep it at 1: a higher limit with tasks waiting in line hangs before the fix for
    # https://github.com/python/cpython/issues/115634.
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as executor:
        results = list(executor.map(leaky_task, range(4)))
    # --8<-- [end:run]
    print("MB held by the worker after each task:", [held for _, held in results])
    print("worker processes used:", len({pid for pid, _ in results}))


if __name__ == "__main__":
    main()
