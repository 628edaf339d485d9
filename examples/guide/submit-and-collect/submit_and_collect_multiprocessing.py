"""Submit single calls with Pool.apply_async and read each AsyncResult."""

from multiprocessing import Pool


def divide(a: float, b: float) -> float:
    return a / b


def main() -> None:
    with Pool(processes=2) as pool:
        # apply_async(fn, args, kwds) returns an
        # AsyncResult at once; the call runs in a worker.
        quarter = pool.apply_async(divide, (1,), {"b": 4})
        broken = pool.apply_async(divide, (1, 0))
        # get() waits (here at most 10 s) and returns the value...
        print("result:", quarter.get(timeout=10))
        # ...or raises, in this process,
        # the exception that the call raised in the worker.
        try:
            broken.get(timeout=10)
        except ZeroDivisionError as error:
            print("raised:", repr(error))
        # A finished AsyncResult can also be asked about its outcome without raising.
        print("succeeded:", quarter.successful(), broken.successful())


if __name__ == "__main__":
    main()
