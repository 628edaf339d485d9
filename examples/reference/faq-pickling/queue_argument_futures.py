"""A multiprocessing.Queue sent to an executor task fails; a Manager queue works."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def report(queue, item):
    queue.put(item * 10)


def main():
    # Start the manager first: its process is then
    # forked before the executor starts threads.
    with (
        multiprocessing.Manager() as manager,
        ProcessPoolExecutor(max_workers=2) as executor,
    ):
        try:
            executor.submit(report, multiprocessing.Queue(), 1).result(timeout=20)
        except RuntimeError as exc:
            print(f"{type(exc).__name__}: {exc}")
        queue = manager.Queue()  # a proxy: it pickles, so it can be a task argument
        for item in range(3):
            executor.submit(report, queue, item).result(timeout=20)
        print("fixed:", sorted(queue.get(timeout=5) for _ in range(3)))


if __name__ == "__main__":
    main()
