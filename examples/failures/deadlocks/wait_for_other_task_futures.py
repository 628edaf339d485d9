"""A ProcessPoolExecutor task that waits for another task.

Pickling fails, or the pool deadlocks.
"""

import concurrent.futures
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor


def wait_for(future: Future) -> int:
    return future.result()


def wait_for_signal(event) -> str:  # a Manager().Event() proxy
    event.wait()  # only a task queued behind this one sets the event
    return "the signal arrived"


def send_signal(event) -> None:
    event.set()


def main() -> None:
    # The manager starts first: forking it from a process that runs the
    # executor's threads could deadlock it (Nesting, queues and fork).
    with (
        multiprocessing.Manager() as manager,
        ProcessPoolExecutor(max_workers=1) as executor,
    ):
        # --8<-- [start:future]
        first = executor.submit(abs, -3)
        waiter = executor.submit(wait_for, first)
        try:
            waiter.result(timeout=10)
        except TypeError as exc:
            print(f"a Future as a task argument: TypeError: {exc}")
        # --8<-- [end:future]
        # --8<-- [start:deadlock]
        event = manager.Event()
        waiter = executor.submit(wait_for_signal, event)
        # Queued behind the waiter: one worker.
        sender = executor.submit(send_signal, event)
        try:
            waiter.result(timeout=1)
        except concurrent.futures.TimeoutError:
            print("result(timeout=1) raised TimeoutError: deadlock detected")
        print("cancel() on the task that would set the event:", sender.cancel())
        event.set()  # nothing in the pool can set it, so the parent does
        print("after the parent set the event:", waiter.result(timeout=10))
        # --8<-- [end:deadlock]


if __name__ == "__main__":
    main()
