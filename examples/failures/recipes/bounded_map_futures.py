"""A map with a time limit per task, in each ProcessPoolExecutor worker (Unix)."""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # SIGALRM
# ///

import functools
import signal
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(seconds: float) -> float:
    time.sleep(seconds)  # work that usually ends quickly, but not always
    return seconds


def raise_timeout(signum, frame) -> None:
    raise TimeoutError("task ran out of time")


def call_with_time_limit(fn, seconds: float, arg):
    # Runs in the worker: SIGALRM interrupts the task, the worker itself lives on.
    previous = signal.signal(signal.SIGALRM, raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(arg)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(future):
    try:
        # Every task ends within `seconds` of starting: a bounded wait.
        return future.result()
    except TimeoutError as exc:
        return exc


def bounded_map(executor, fn, items, seconds: float) -> list:
    """fn(item) for each item, in order; a task over `seconds` gives TimeoutError."""
    limited = functools.partial(call_with_time_limit, fn, seconds)
    futures = [executor.submit(limited, item) for item in items]
    return [outcome(future) for future in futures]


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        outcomes = bounded_map(executor, crunch, [0.1, 5.0, 0.2, 0.1], seconds=0.5)
    for seconds, result in zip([0.1, 5.0, 0.2, 0.1], outcomes, strict=True):
        print(f"crunch({seconds}) -> {result!r}")


if __name__ == "__main__":
    main()
