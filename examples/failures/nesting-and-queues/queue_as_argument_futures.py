"""A multiprocessing.Queue cannot be a ProcessPoolExecutor task's argument.

A manager's queue can.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def report(queue, x: int) -> None:
    queue.put(x * x)


def main() -> None:
    # Start the manager before the pool: under fork, starting it later would fork a
    # process that already runs the pool's threads, which Python 3.12+ warns about.
    with (
        multiprocessing.Manager() as manager,
        ProcessPoolExecutor(max_workers=2) as executor,
    ):
        # --8<-- [start:run]
        try:
            executor.submit(report, multiprocessing.Queue(), 3).result(timeout=10)
        except RuntimeError as exc:
            print("result() raised RuntimeError:", exc)
        # A proxy: it pickles, and talks to the manager process.
        queue = manager.Queue()
        executor.submit(report, queue, 3).result(timeout=10)
        print("through a Manager().Queue():", queue.get(timeout=10))
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
