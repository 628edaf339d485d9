"""Submit single calls with ProcessPoolExecutor.submit and read each Future."""

from concurrent.futures import ProcessPoolExecutor


def divide(a: float, b: float) -> float:
    return a / b


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # submit(fn, *args, **kwargs) returns a
        # Future at once; the call runs in a worker.
        quarter = executor.submit(divide, 1, b=4)
        broken = executor.submit(divide, 1, 0)
        # result() waits (here at most 10 s) and returns the value...
        print("result:", quarter.result(timeout=10))
        # ...or raises, in this process,
        # the exception that the call raised in the worker.
        try:
            broken.result(timeout=10)
        except ZeroDivisionError as error:
            print("raised:", repr(error))
        # A finished Future can also be asked about its outcome without raising.
        print("succeeded:", quarter.exception() is None, broken.exception() is None)


if __name__ == "__main__":
    main()
