"""Stop a multiprocessing.Pool's workers at once with terminate()."""

import time
from multiprocessing import Pool


def stuck(n: int) -> int:
    time.sleep(60)  # stands in for a task that would run far too long
    return n


def main() -> None:
    pool = Pool(processes=2)
    results = [pool.apply_async(stuck, (n,)) for n in range(6)]
    pool.terminate()  # SIGTERM to every worker; queued tasks are dropped
    pool.join()
    # No result will ever arrive: a get() without a timeout would wait forever.
    print("tasks left unfinished:", sum(not result.ready() for result in results))


if __name__ == "__main__":
    main()
