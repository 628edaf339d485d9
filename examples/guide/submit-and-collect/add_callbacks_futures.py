"""Run code when a call finishes with concurrent.futures.Future.add_done_callback."""

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial

gate = None  # in each worker: an Event the main process sets to let calls finish
seen = {}  # what each callback got, and in which thread of this process it ran


def set_gate(event) -> None:  # a multiprocessing.Event
    global gate
    gate = event


def square_when_allowed(n: int) -> int:
    gate.wait(timeout=10)
    if n < 0:
        raise ValueError(f"bad input: {n}")
    return n * n


def report(label: str, future: Future) -> None:
    # A callback gets the Future: ask it for the outcome without raising.
    error = future.exception()
    outcome = repr(error) if error else future.result()
    main = threading.current_thread() is threading.main_thread()
    seen[label] = (
        f"got {outcome} in {'the main thread' if main else 'a pool thread'}"
    )


def main() -> None:
    event = multiprocessing.Event()
    with ProcessPoolExecutor(
        max_workers=1, initializer=set_gate, initargs=(event,)
    ) as executor:
        square = executor.submit(square_when_allowed, 3)
        failing = executor.submit(square_when_allowed, -1)
        # Both calls are held at the gate,
        # so these callbacks wait for them to finish...
        square.add_done_callback(partial(report, "added while running"))
        failing.add_done_callback(partial(report, "failed call"))
        event.set()
        square.result(timeout=10)
        # ...while a callback added to a finished
        # Future runs at once, in the calling thread.
        square.add_done_callback(partial(report, "added after it finished"))
    # Leaving the block waited for the executor's thread, so every callback has run.
    for label in ("added while running", "added after it finished", "failed call"):
        print(f"{label}: {seen[label]}")


if __name__ == "__main__":
    main()
