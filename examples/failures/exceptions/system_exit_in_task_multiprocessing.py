"""A task that raises SystemExit ends its multiprocessing.Pool worker.

Its result never comes.
"""

import multiprocessing
import re
import sys
import warnings


def work(x: int) -> int:
    if x == 3:
        sys.exit(3)  # e.g. a command-line helper reused as a library function
    return x * x


def print_warning(message, category, *args, **kwargs) -> None:
    # Warnings go to stdout, without the pid, so the output is the same on every run.
    text = re.sub(r"pid=[0-9]+", "pid=...", str(message))
    print(f"warning: {category.__name__}: {text}")


def main() -> None:
    # Pool replaces the exited worker from one of
    # its threads: under fork, Python 3.12+ warns.
    warnings.simplefilter("default", DeprecationWarning)
    warnings.showwarning = print_warning
    with multiprocessing.Pool(processes=2) as pool:
        # --8<-- [start:run]
        result = pool.apply_async(work, (3,))
        try:
            result.get(timeout=1)  # without a timeout, get() would never return
        except multiprocessing.TimeoutError:
            print(
                "get(timeout=1) raised multiprocessing.TimeoutError:"
                " the task was lost"
            )
        # --8<-- [end:run]
        print("the pool still works:", pool.apply(work, (2,)))
    # Leaving the block calls terminate(), which also discards the lost task.


if __name__ == "__main__":
    main()
