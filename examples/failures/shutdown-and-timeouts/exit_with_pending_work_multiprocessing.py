"""Leaving a multiprocessing.Pool's with block terminates the workers.

It drops the pending tasks.
"""

import multiprocessing
import time


def slow_square(x: int) -> int:
    time.sleep(0.2)
    return x * x


def main() -> None:
    # --8<-- [start:run]
    with multiprocessing.Pool(processes=2) as pool:
        results = [pool.apply_async(slow_square, (x,)) for x in range(4)]
    # __exit__ called terminate(): the workers
    # were stopped, the tasks never finished.
    print("ready:", [result.ready() for result in results])
    try:
        results[0].get(timeout=0.5)  # without a timeout, get() would never return
    except multiprocessing.TimeoutError:
        print("get(timeout=0.5) raised multiprocessing.TimeoutError")
    # --8<-- [end:run]
    # --8<-- [start:fix]
    with multiprocessing.Pool(processes=2) as pool:
        results = [pool.apply_async(slow_square, (x,)) for x in range(4)]
        pool.close()  # no more tasks; then wait for the submitted ones
        pool.join()
    print("with close() and join():", [result.get(timeout=0) for result in results])
    # --8<-- [end:fix]


if __name__ == "__main__":
    main()
