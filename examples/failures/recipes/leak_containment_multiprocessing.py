"""Contain a memory leak with multiprocessing.Pool(maxtasksperchild=...).

It replaces each worker after that many tasks.
"""

import multiprocessing
import os

_cache: list[bytes] = []  # grows by 1 MB per task and is never cleared: a leak


def leaky_task(x: int) -> tuple[int, int]:
    _cache.append(bytes(1_000_000))
    return os.getpid(), len(_cache)


def main() -> None:
    # --8<-- [start:run]
    # spawn: Pool starts replacement workers from
    # a thread, and fork from a thread is unsafe.
    context = multiprocessing.get_context("spawn")
    # A new worker after every 2 tasks; chunksize=1,
    # because a chunk counts as one task.
    with context.Pool(processes=1, maxtasksperchild=2) as pool:
        results = pool.map(leaky_task, range(6), chunksize=1)
    # --8<-- [end:run]
    print("MB held by the worker after each task:", [held for _, held in results])
    print("worker processes used:", len({pid for pid, _ in results}))


if __name__ == "__main__":
    main()
