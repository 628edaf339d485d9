"""A worker that dies breaks a ProcessPoolExecutor: BrokenProcessPool, not a hang."""

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def crash(x):
    os._exit(1)  # stands in for a segfault or the out-of-memory killer


def main():
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(crash, 1)
        try:
            future.result(timeout=20)
        except BrokenProcessPool as exc:
            print(f"{type(exc).__name__}: {exc}")
        try:
            executor.submit(abs, -1)  # the executor stays broken
        except BrokenProcessPool as exc:
            print(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
