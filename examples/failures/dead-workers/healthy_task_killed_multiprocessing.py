"""A crashing task in one multiprocessing.Pool worker.

The healthy task another worker runs is not disturbed.
"""

import multiprocessing
import os
import re
import tempfile
import time
import warnings
from pathlib import Path


def record(log: Path, event: str) -> None:
    with log.open("a") as file:  # a side effect, like a row written to a database
        file.write(event + "\n")


def wait_for(log: Path, event: str) -> None:
    # The two tasks wait for each other to start, so that they overlap on every run.
    deadline = time.monotonic() + 10
    while event not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.01)


def healthy(log: Path) -> str:
    record(log, "healthy started")
    wait_for(log, "poison started")
    time.sleep(2)  # the work
    record(log, "healthy finished")
    return "done"


def poison(log: Path) -> str:
    record(log, "poison started")
    wait_for(log, "healthy started")
    os._exit(1)  # a crash: no exception, no cleanup


def side_effects(log: Path) -> str:
    events = log.read_text().splitlines()
    names = ["healthy started", "healthy finished", "poison started"]
    return ", ".join(f"{name} {events.count(name)}x" for name in names)


def print_warning(message, category, *args, **kwargs) -> None:
    # Warnings go to stdout, without the pid, so the output is the same on every run.
    text = re.sub(r"pid=[0-9]+", "pid=...", str(message))
    print(f"warning: {category.__name__}: {text}")


def main() -> None:
    # Pool replaces the dead worker from one of
    # its threads: under fork, Python 3.12+ warns.
    warnings.simplefilter("default", DeprecationWarning)
    warnings.showwarning = print_warning
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder, "side-effects.log")
        # --8<-- [start:crash]
        with multiprocessing.Pool(processes=2) as pool:
            results = {
                name: pool.apply_async(task, (log,)) for name, task in TASKS.items()
            }
            print("healthy:", results["healthy"].get(timeout=10))
            try:
                # Without a timeout, get() would never return.
                results["poison"].get(timeout=1)
            except multiprocessing.TimeoutError:
                print("poison: get(timeout=1) raised multiprocessing.TimeoutError")
        print("side effects:", side_effects(log))
        # --8<-- [end:crash]


TASKS = {"healthy": healthy, "poison": poison}

if __name__ == "__main__":
    main()
