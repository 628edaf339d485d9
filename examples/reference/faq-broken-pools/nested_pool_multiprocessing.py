"""A Pool inside a Pool task fails: daemonic Pool workers may not have children."""

from multiprocessing import Pool


def square(x):
    return x * x


def inner_job(n):
    # This runs in a worker process and tries to start a pool of its own.
    with Pool(processes=2) as inner:
        return sum(inner.map(square, range(n)))


def main():
    outer = Pool(processes=1)
    try:
        outer.apply(inner_job, (4,))
    except AssertionError as exc:
        print(f"{type(exc).__name__}: {exc}")
    finally:
        # close() and join(), not terminate(): the worker then exits normally
        # and releases the semaphores the failed inner Pool had already created.
        outer.close()
        outer.join()


if __name__ == "__main__":
    main()
