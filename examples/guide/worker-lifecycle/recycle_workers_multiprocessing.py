"""Replace workers after a number of tasks: Pool(maxtasksperchild=)."""

import os
from multiprocessing import get_context


def worker_pid(_: int) -> int:
    return os.getpid()


def main() -> None:
    # Pool starts replacement workers from a background thread,
    # and forking a process that runs threads is unsafe (a
    # DeprecationWarning since 3.12): use spawn or forkserver here.
    context = get_context("spawn")
    for chunksize in (1, 2):
        with context.Pool(processes=2, maxtasksperchild=1) as pool:
            # A "task" for maxtasksperchild is one chunk of map's input.
            pids = pool.map(worker_pid, range(4), chunksize=chunksize)
        print(
            f"chunksize={chunksize}: {len(pids)} items ran in"
            f" {len(set(pids))} worker processes"
        )


if __name__ == "__main__":
    main()
