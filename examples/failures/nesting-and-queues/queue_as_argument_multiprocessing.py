"""A multiprocessing.Queue cannot be a Pool task argument; a manager's queue can."""

import multiprocessing


def report(queue, x: int) -> None:
    queue.put(x * x)


def main() -> None:
    # Start the manager before the pool: under fork, starting it later would fork a
    # process that already runs the pool's threads, which Python 3.12+ warns about.
    with (
        multiprocessing.Manager() as manager,
        multiprocessing.Pool(processes=2) as pool,
    ):
        # --8<-- [start:run]
        try:
            pool.apply(report, (multiprocessing.Queue(), 3))
        except RuntimeError as exc:
            print("apply() raised RuntimeError:", exc)
        # A proxy: it pickles, and talks to the manager process.
        queue = manager.Queue()
        pool.apply(report, (queue, 3))
        print("through a Manager().Queue():", queue.get(timeout=10))
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
