"""Replace workers after a number of tasks with max_tasks_per_child=.

ProcessPoolExecutor takes it from Python 3.11 on.
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


def worker_pid(_: int) -> int:
    return os.getpid()


def main() -> None:
    # Without an mp_context, max_tasks_per_child makes
    # the executor use "spawn"; it refuses "fork".
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as executor:
        pids = list(executor.map(worker_pid, range(4)))
    print(f"{len(pids)} tasks ran in {len(set(pids))} worker processes")


if __name__ == "__main__":
    main()
