"""Log from multiprocessing.Pool workers through a queue and a QueueListener."""

import io
import logging
import logging.handlers
from multiprocessing import get_context

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
    context = get_context()
    # Pool workers receive a multiprocessing.Queue at start-up, through initargs.
    queue = context.Queue()
    listener = logging.handlers.QueueListener(queue, handler)
    with context.Pool(2, initializer=set_up_worker, initargs=(queue,)) as pool:
        # Pool starts its workers in the constructor,
        # so the listener's thread can start now.
        listener.start()
        results = pool.map(square, range(1, 6))
        pool.close()
        pool.join()  # every worker has exited, so every record is in the queue
    listener.stop()
    # --8<-- [end:run]
    # Records arrive in any order.
    print(*sorted(captured.getvalue().splitlines()), sep="\n")
    print("results:", results)


if __name__ == "__main__":
    main()
