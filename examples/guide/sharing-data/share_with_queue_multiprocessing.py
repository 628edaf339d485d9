"""Send messages from multiprocessing.Pool workers through a Queue."""

import multiprocessing

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
    with multiprocessing.Pool(
        processes=2, initializer=attach_queue, initargs=(queue,)
    ) as pool:
        results = pool.map(square, range(4))
        # Let the workers exit normally: leaving the block
        # calls terminate(), which can kill a worker before its
        # queue's background thread has sent the last message.
        pool.close()
        pool.join()
    # They arrive in any order.
    messages = sorted(queue.get(timeout=10) for _ in range(4))
    print("results:", results)
    print("\n".join(messages))


if __name__ == "__main__":
    main()
