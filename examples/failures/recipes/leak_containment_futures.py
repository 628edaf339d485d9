"""Contain a memory leak with ProcessPoolExecutor(max_tasks_per_child=...).

It replaces each worker after that many tasks.
"""

# /// script
# requires-python = ">=3.11"
# ///

import os
import platform
import sys
from concurrent.futures import ProcessPoolExecutor

# max_tasks_per_child is new in 3.11: an older Python would fail with a
# bare TypeError from the constructor. Say what this script needs instead.
if sys.version_info < (3, 11):
    print(
        "this example needs Python 3.11 or newer"
        " (ProcessPoolExecutor max_tasks_per_child);"
        f" this is {platform.python_version()}",
        file=sys.stderr,
    )
    sys.exit(2)

_cache: list[bytes] = []  # grows by 1 MB per task and is never cleared: a leak


def leaky_task(x: int) -> tuple[int, int]:
    _cache.append(bytes(1_000_000))
    return os.getpid(), len(_cache)


def main() -> None:
    # --8<-- [start:run]
    # A new worker for every task (Python 3.11+; the executor then starts workers
    # with spawn). Keep it at 1: a higher limit with tasks waiting in line
    # hangs before the fix for https://github.com/python/cpython/issues/115634.
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as executor:
        results = list(executor.map(leaky_task, range(4)))
    # --8<-- [end:run]
    print("MB held by the worker after each task:", [held for _, held in results])
    print("worker processes used:", len({pid for pid, _ in results}))


if __name__ == "__main__":
    main()
