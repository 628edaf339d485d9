"""Stop at the first failure with wait(return_when=FIRST_EXCEPTION)."""

import time
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait


def check(n: int) -> int:
    time.sleep(n / 20)
    if n == 2:
        raise ValueError(f"bad input: {n}")
    return n


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(check, n) for n in range(8)]
        # wait() returns two sets as soon as one call
        # raises (or all finish, or time runs out).
        done, not_done = wait(futures, timeout=10, return_when=FIRST_EXCEPTION)
        errors = [
            future.exception() for future in done if future.exception() is not None
        ]
        print("stopped at:", repr(errors[0]))
        # Cancel the calls that have not started;
        # those already running finish anyway.
        for future in not_done:
            future.cancel()


if __name__ == "__main__":
    main()
