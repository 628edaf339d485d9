"""ProcessPoolExecutor refuses max_tasks_per_child with the fork start method."""

# /// script
# requires-python = ">=3.11"
# ///

import multiprocessing
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


def worker_pid(x):
    return os.getpid()


def main():
    fork = multiprocessing.get_context("fork")
    try:
        ProcessPoolExecutor(max_workers=1, mp_context=fork, max_tasks_per_child=2)
    except ValueError as exc:
        print(f"{type(exc).__name__}: {exc}")
    # The fix: another start method (with no mp_context at all,
    # the executor picks spawn). One task only: a worker that retires
    # with tasks still queued can hang the pool on 3.11 and 3.12,
    # and on 3.13 and 3.14 releases made before the fix of gh-115634.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=1, mp_context=spawn, max_tasks_per_child=2
    ) as executor:
        same = executor.submit(worker_pid, 0).result(timeout=20) != os.getpid()
    print("fixed: with spawn the task ran in a worker process:", same)


if __name__ == "__main__":
    main()
