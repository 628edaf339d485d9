"""Shut a ProcessPoolExecutor down by hand: shutdown(cancel_futures=True)."""

import time
from concurrent.futures import ProcessPoolExecutor, wait


def slow_square(n: int) -> int:
    time.sleep(0.2)
    return n * n


def main() -> None:
    executor = ProcessPoolExecutor(max_workers=1)
    futures = [executor.submit(slow_square, n) for n in range(8)]
    # Tasks already handed to a worker finish;
    # those still waiting in the executor are cancelled.
    executor.shutdown(wait=True, cancel_futures=True)
    print("first task:", futures[0].result())
    print("last task cancelled:", futures[-1].cancelled())
    # A known bug: wait() and as_completed() do not see these
    # futures as done, so without a timeout they would block
    # forever (https://github.com/python/cpython/issues/109934).
    cancelled = {future for future in futures if future.cancelled()}
    not_done = wait(futures, timeout=0).not_done
    print("wait() calls the cancelled tasks not done:", cancelled <= not_done)


if __name__ == "__main__":
    main()
