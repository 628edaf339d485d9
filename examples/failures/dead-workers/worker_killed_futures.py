"""A worker killed mid-task breaks a ProcessPoolExecutor.

Every pending future fails at once.
"""

import os
from concurrent.futures import ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool


def work(x: int) -> int:
    if x == 3:
        # The process vanishes with no exception and no cleanup,
        # as when the out-of-memory killer sends SIGKILL or the code crashes in C.
        os._exit(1)
    return x * x


def main() -> None:
    executor = ProcessPoolExecutor(max_workers=2)
    # --8<-- [start:wait]
    futures = [executor.submit(work, x) for x in range(6)]
    try:
        # A safety net only: the error arrives without it.
        futures[3].result(timeout=10)
    except BrokenProcessPool as exc:
        print("result() raised BrokenProcessPool:", exc)
    # --8<-- [end:wait]
    # The other futures either finished before the
    # crash or failed the same way: it is a race.
    not_done = wait(futures, timeout=10).not_done
    print("futures left pending:", len(not_done))
    try:
        executor.submit(work, 0)
    except BrokenProcessPool as exc:
        print("submit() afterwards raised BrokenProcessPool:", exc)
    executor.shutdown()
    print("executor shut down")


if __name__ == "__main__":
    main()
