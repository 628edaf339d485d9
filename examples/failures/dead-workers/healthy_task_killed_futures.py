"""A crashing task in one ProcessPoolExecutor worker.

It takes down the healthy task another worker runs.
"""

import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder, "side-effects.log")
        # --8<-- [start:crash]
        with ProcessPoolExecutor(max_workers=2) as executor:
            # Start both workers before the two tasks.
            list(executor.map(abs, range(2)))
            futures = {
                name: executor.submit(task, log) for name, task in TASKS.items()
            }
            errors = {
                name: future.exception(timeout=10)
                for name, future in futures.items()
            }
        for name, error in errors.items():
            print(f"{name}: {type(error).__name__}: {error}")
        print(
            "one exception object for both:", errors["healthy"] is errors["poison"]
        )
        print("side effects:", side_effects(log))
        # --8<-- [end:crash]
        # --8<-- [start:one-at-a-time]
        # spawn: under fork, a new executor could fork
        # while a thread of the last one still exits.
        spawn = multiprocessing.get_context("spawn")
        # Alone, a task can only break its own executor.
        for name, task in TASKS.items():
            with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as executor:
                try:
                    result = executor.submit(task, log).result(timeout=10)
                    print(f"{name} alone: {result}")
                except BrokenProcessPool:
                    print(f"{name} alone: BrokenProcessPool, so this is the poison")
        print("side effects:", side_effects(log))
        # --8<-- [end:one-at-a-time]


TASKS = {"healthy": healthy, "poison": poison}

if __name__ == "__main__":
    main()
