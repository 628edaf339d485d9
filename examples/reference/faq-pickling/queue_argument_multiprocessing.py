"""A multiprocessing.Queue passed to a Pool task fails; a Manager queue works."""

import multiprocessing
from multiprocessing import Pool


def report(queue, item):
    queue.put(item * 10)


def main():
    # Start the manager first: its process is
    # then forked before the pool starts threads.
    with multiprocessing.Manager() as manager, Pool(processes=2) as pool:
        try:
            pool.apply(report, (multiprocessing.Queue(), 1))
        except RuntimeError as exc:
            print(f"{type(exc).__name__}: {exc}")
        queue = manager.Queue()  # a proxy: it pickles, so it can be a task argument
        for item in range(3):
            pool.apply(report, (queue, item))
        print("fixed:", sorted(queue.get(timeout=5) for _ in range(3)))


if __name__ == "__main__":
    main()
