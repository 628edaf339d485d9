"""Shut a multiprocessing.Pool down by hand: close() and join() finish the queue."""

import time
from multiprocessing import Pool


def slow_square(n: int) -> int:
    time.sleep(0.2)
    return n * n


def main() -> None:
    pool = Pool(processes=1)
    results = [pool.apply_async(slow_square, (n,)) for n in range(3)]
    pool.close()  # accept no more tasks: each worker exits once the queue is empty
    pool.join()  # wait for the workers to exit
    print("every task finished:", [result.get() for result in results])


if __name__ == "__main__":
    main()
