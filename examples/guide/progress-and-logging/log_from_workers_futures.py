"""Log from ProcessPoolExecutor workers through a Manager queue.

A QueueHandler in each worker, a QueueListener in the parent.
"""

import io
import logging
import logging.handlers
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger("worker")


def set_up_worker(queue) -> None:
    """Run once in each worker: send every record to the parent through the queue."""
    root = logging.getLogger()
    root.addHandler(logging.handlers.QueueHandler(queue))
    root.setLevel(logging.INFO)


def square(n: int) -> int:
    log.info("squared %d", n)
    return n * n


def main() -> None:
    # In real code: a FileHandler, or a StreamHandler on stderr.
    captured = io.StringIO()
    handler = logging.StreamHandler(captured)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    # --8<-- [start:run]
    with multiprocessing.Manager() as manager:
        # A Manager queue is a proxy: it pickles anywhere, even as a task argument.
        queue = manager.Queue()
        listener = logging.handlers.QueueListener(queue, handler)
        with ProcessPoolExecutor(
            2, initializer=set_up_worker, initargs=(queue,)
        ) as executor:
            futures = [executor.submit(square, n) for n in range(1, 6)]
            # Start the listener's thread after the workers exist:
            # under the fork start method, forking a process that
            # runs threads is unsafe (and warns from Python 3.12 on).
            listener.start()
            results = [future.result() for future in futures]
        # Handles every record still in the queue, then ends the thread.
        listener.stop()
    # --8<-- [end:run]
    # Records arrive in any order.
    print(*sorted(captured.getvalue().splitlines()), sep="\n")
    print("results:", results)


if __name__ == "__main__":
    main()
