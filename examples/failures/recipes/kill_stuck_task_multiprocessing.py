"""Kill a stuck task: terminate the multiprocessing.Pool.

A new pool runs the rest.
"""

import multiprocessing
import time


def crunch(seconds: float) -> float:
    # Stands in for a call that may never return (a C loop, a dead socket).
    time.sleep(seconds)
    return seconds


def main() -> None:
    # --8<-- [start:run]
    # spawn: the old pool's threads may still be finishing when the new
    # pool starts its workers, and fork while threads run is unsafe.
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(processes=2)
    stuck = pool.apply_async(crunch, (60.0,))
    quick = pool.apply_async(crunch, (0.1,))
    print("crunch(0.1) ->", quick.get(timeout=10))
    try:
        stuck.get(timeout=0.5)
    except multiprocessing.TimeoutError:
        # Pool cannot stop one task: stop every worker, then start afresh.
        pool.terminate()
        pool.join()
        print("crunch(60.0) -> gave up after 0.5 s; terminated the pool")
    with context.Pool(processes=2) as pool:
        print("a new pool works:", pool.apply(crunch, (0.0,)))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
