"""An initializer that raises breaks a ProcessPoolExecutor before any task runs."""

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def connect() -> None:
    # The worker logs this error with its traceback
    # on stderr; the tests want stderr empty.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())
    raise ConnectionError("database unreachable")


def work(x: int) -> int:
    return x * x


def main() -> None:
    # --8<-- [start:run]
    with ProcessPoolExecutor(max_workers=2, initializer=connect) as executor:
        future = executor.submit(work, 3)
        try:
            # A safety net only: the error arrives without it.
            future.result(timeout=10)
        except BrokenProcessPool as exc:
            print("result() raised BrokenProcessPool:", exc)
    # --8<-- [end:run]
    print("executor shut down")


if __name__ == "__main__":
    main()
