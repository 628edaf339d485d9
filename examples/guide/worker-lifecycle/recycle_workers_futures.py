"""Replace workers after a number of tasks with ProcessPoolExecutor(max_tasks_per_child=)."""

# /// script
# requires-python = ">=3.11"
# ///
import os
from concurrent.futures import ProcessPoolExecutor


def worker_pid(_: int) -> int:
    return os.getpid()


def main() -> None:
    # Without an mp_context, max_tasks_per_child makes the executor use "spawn"; it refuses "fork".
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as executor:
        pids = list(executor.map(worker_pid, range(4)))
    print(f"{len(pids)} tasks ran in {len(set(pids))} worker processes")


if __name__ == "__main__":
    main()
