"""Pool accepts maxtasksperchild with any start method; under fork, 3.12+ warns."""

import multiprocessing
import os


def worker_pid(x):
    return os.getpid()


def main():
    # With fork, each replacement worker is forked from this
    # process while the pool's own threads run, which Python
    # 3.12+ reports with a DeprecationWarning. Spawn avoids it.
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(processes=1, maxtasksperchild=2) as pool:
        pids = pool.map(worker_pid, range(4), chunksize=1)
    print(f"4 tasks ran in {len(set(pids))} worker processes, one after the other")


if __name__ == "__main__":
    main()
