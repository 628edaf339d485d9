"""Kill a stuck task: pebble's ProcessPool stops a worker past its timeout."""

# /// script
# dependencies = ["pebble"]
# ///

import multiprocessing
import time
from concurrent.futures import TimeoutError as FutureTimeoutError

from pebble import ProcessPool


def crunch(seconds: float) -> float:
    # Stands in for a call that may never return (a C loop, a dead socket).
    time.sleep(seconds)
    return seconds


def main() -> None:
    # --8<-- [start:run]
    # One worker: the tasks after the stuck one wait for its replacement,
    # so no worker is still starting when the pool shuts down. pebble starts
    # replacement workers from its own thread; forking there warns on 3.12+.
    with ProcessPool(
        max_workers=1, context=multiprocessing.get_context("spawn")
    ) as pool:
        # pebble's futures are concurrent.futures.Future objects with a
        # per-task timeout, counted from when a worker takes the task.
        # 2 s leaves the quick tasks room on a busy machine.
        futures = [
            pool.schedule(crunch, args=(s,), timeout=2.0) for s in (0.1, 60.0, 0.2)
        ]
        for seconds, future in zip((0.1, 60.0, 0.2), futures, strict=True):
            try:
                print(f"crunch({seconds}) -> {future.result()!r}")
            except FutureTimeoutError:
                print(
                    f"crunch({seconds}) -> killed after 2 s;"
                    " pebble started a new worker"
                )
        print("the pool still works:", pool.schedule(crunch, args=(0.0,)).result())
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
