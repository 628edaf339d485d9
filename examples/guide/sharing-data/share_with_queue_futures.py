"""Send messages from ProcessPoolExecutor workers through a multiprocessing.Queue."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_queue = None  # set in each worker by attach_queue()


def attach_queue(queue: multiprocessing.Queue) -> None:
    global _queue
    _queue = queue


def square(n: int) -> int:
    _queue.put(f"worker squared {n}")  # e.g. progress or log records for the parent
    return n * n


def main() -> None:
    # A Queue cannot be a task argument;
    # it can be an initializer argument, inherited at start.
    queue = multiprocessing.Queue()
    with ProcessPoolExecutor(
        max_workers=2, initializer=attach_queue, initargs=(queue,)
    ) as executor:
        results = list(executor.map(square, range(4)))
    # They arrive in any order.
    messages = sorted(queue.get(timeout=10) for _ in range(4))
    print("results:", results)
    print("\n".join(messages))


if __name__ == "__main__":
    main()
