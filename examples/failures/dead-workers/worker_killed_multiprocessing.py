"""A worker killed mid-task: multiprocessing.Pool waits for ever for the result."""

import multiprocessing
import os
import re
import warnings


def work(x: int) -> int:
    if x == 3:
        # The process vanishes with no exception and no cleanup,
        # as when the out-of-memory killer sends SIGKILL or the code crashes in C.
        os._exit(1)
    return x * x


def print_warning(message, category, *args, **kwargs) -> None:
    # Warnings go to stdout, without the pid, so the output is the same on every run.
    text = re.sub(r"pid=[0-9]+", "pid=...", str(message))
    print(f"warning: {category.__name__}: {text}")


def main() -> None:
    # Pool replaces the dead worker from one of
    # its threads: under fork, Python 3.12+ warns.
    warnings.simplefilter("default", DeprecationWarning)
    warnings.showwarning = print_warning
    pool = multiprocessing.Pool(processes=2)
    # --8<-- [start:wait]
    result = pool.map_async(work, range(6), chunksize=1)
    try:
        # pool.map() would block here forever:
        # the dead worker is replaced, its task is lost.
        result.get(timeout=1)
    except multiprocessing.TimeoutError:
        print("map_async(...).get(timeout=1) raised multiprocessing.TimeoutError")
    # --8<-- [end:wait]
    print("result ready:", result.ready())
    print("pool still takes new work:", pool.apply(work, (5,)))
    pool.terminate()  # the lost task would keep the pool busy forever: stop it
    pool.join()
    print("pool terminated")


if __name__ == "__main__":
    main()
