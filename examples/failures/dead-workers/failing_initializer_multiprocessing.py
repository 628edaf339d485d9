"""An initializer that raises: multiprocessing.Pool restarts workers without end."""

import multiprocessing
import os
import re
import sys
import time
import warnings


def connect(attempts) -> None:
    with attempts.get_lock():
        attempts.value += 1
    # The dying worker prints its traceback on stderr; the tests want stderr empty.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())
    raise ConnectionError("database unreachable")


def work(x: int) -> int:
    return x * x


def print_warning(message, category, *args, **kwargs) -> None:
    # Warnings go to stdout, without the pid, so the output is the same on every run.
    text = re.sub(r"pid=[0-9]+", "pid=...", str(message))
    print(f"warning: {category.__name__}: {text}")


def main() -> None:
    # Pool replaces dead workers from one of its threads:
    # under fork, Python 3.12+ warns.
    warnings.simplefilter("default", DeprecationWarning)
    warnings.showwarning = print_warning
    attempts = multiprocessing.Value("i", 0)
    # --8<-- [start:run]
    pool = multiprocessing.Pool(
        processes=2, initializer=connect, initargs=(attempts,)
    )
    result = pool.apply_async(work, (3,))
    deadline = time.monotonic() + 10
    while attempts.value <= 6 and time.monotonic() < deadline:
        # Each dead worker is replaced by a new one, which fails again.
        time.sleep(0.05)
    print("workers started for a pool of 2: more than 6 =", attempts.value > 6)
    try:
        result.get(timeout=0.1)  # without a timeout, get() would never return
    except multiprocessing.TimeoutError:
        print("get(timeout=0.1) raised multiprocessing.TimeoutError")
    pool.terminate()
    pool.join()
    # --8<-- [end:run]
    print("pool terminated")


if __name__ == "__main__":
    main()
