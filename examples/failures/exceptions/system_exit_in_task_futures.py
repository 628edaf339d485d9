"""A task that raises SystemExit: ProcessPoolExecutor hands it back to the caller."""

import sys
from concurrent.futures import ProcessPoolExecutor


def work(x: int) -> int:
    if x == 3:
        sys.exit(3)  # e.g. a command-line helper reused as a library function
    return x * x


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # --8<-- [start:run]
        future = executor.submit(work, 3)
        try:
            # A safety net only: the exception arrives without it.
            future.result(timeout=10)
        except SystemExit as exc:
            # Not an Exception: `except Exception`
            # would let it end the calling program.
            print("result() raised SystemExit with code", exc.code)
        # --8<-- [end:run]
        print(
            "the executor still works:", executor.submit(work, 2).result(timeout=10)
        )


if __name__ == "__main__":
    main()
