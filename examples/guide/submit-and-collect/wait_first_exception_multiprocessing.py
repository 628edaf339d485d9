"""Stop at the first failure with Pool.apply_async and an error_callback."""

import threading
import time
from multiprocessing import Pool

errors = []
failed = threading.Event()


def check(n: int) -> int:
    time.sleep(n / 20)
    if n == 2:
        raise ValueError(f"bad input: {n}")
    return n


def on_error(error: BaseException) -> None:
    # Runs in a thread of the pool in this process, once per failed call.
    errors.append(error)
    failed.set()


def main() -> None:
    with Pool(processes=2) as pool:
        # Pool has no wait(): an error_callback and
        # an Event tell the main thread instead.
        for n in range(8):
            pool.apply_async(check, (n,), error_callback=on_error)
        if failed.wait(timeout=10):
            print("stopped at:", repr(errors[0]))
    # Leaving the block terminates the workers:
    # calls still queued or running are dropped.


if __name__ == "__main__":
    main()
