"""ProcessPoolExecutor, started by fork in a process that already runs a thread."""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # the fork start method
# ///

import multiprocessing
import re
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor


def square(x: int) -> int:
    return x * x


def main() -> None:
    stop = threading.Event()
    # e.g. a metrics or logging thread.
    heartbeat = threading.Thread(target=stop.wait)
    heartbeat.start()
    # --8<-- [start:run]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=2, mp_context=fork) as executor:
            print("result:", executor.submit(square, 3).result(timeout=10))
    # --8<-- [end:run]
    # --8<-- [start:recycle]
    try:
        ProcessPoolExecutor(max_tasks_per_child=1, mp_context=fork)
    # TypeError: no max_tasks_per_child before 3.11.
    except (ValueError, TypeError) as exc:
        print(f"max_tasks_per_child with fork: {type(exc).__name__}: {exc}")
    # --8<-- [end:recycle]
    stop.set()
    heartbeat.join()
    # One warning per fork(); the message names
    # the parent's pid, which changes every run.
    found = {
        f"{w.category.__name__}: {re.sub(r'pid=[0-9]+', 'pid=...', str(w.message))}"
        for w in caught
    }
    print("warnings:", *sorted(found) or ["none"], sep="\n  ")


if __name__ == "__main__":
    main()
