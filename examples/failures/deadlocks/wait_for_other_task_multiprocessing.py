"""A multiprocessing.Pool task that waits for another task.

Pickling fails, or the pool deadlocks.
"""

import multiprocessing
from multiprocessing.pool import AsyncResult


def wait_for(result: AsyncResult) -> int:
    return result.get()


def wait_for_signal(event) -> str:  # a Manager().Event() proxy
    event.wait()  # only a task queued behind this one sets the event
    return "the signal arrived"


def send_signal(event) -> None:
    event.set()


def main() -> None:
    with multiprocessing.Manager() as manager:
        with multiprocessing.Pool(processes=1) as pool:
            # --8<-- [start:future]
            first = pool.apply_async(abs, (-3,))
            waiter = pool.apply_async(wait_for, (first,))
            try:
                waiter.get(timeout=10)
            except NotImplementedError as exc:
                print(
                    f"an AsyncResult as a task argument: NotImplementedError: {exc}"
                )
            # --8<-- [end:future]
            # --8<-- [start:deadlock]
            event = manager.Event()
            waiter = pool.apply_async(wait_for_signal, (event,))
            # Queued behind the waiter: one worker.
            pool.apply_async(send_signal, (event,))
            try:
                waiter.get(timeout=1)
            except multiprocessing.TimeoutError:
                print(
                    "get(timeout=1) raised multiprocessing.TimeoutError:"
                    " deadlock detected"
                )
        # Leaving the with block called terminate(), which stopped the stuck worker.
        print("the waiting task never finished:", not waiter.ready())
        # --8<-- [end:deadlock]
    print("child processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
