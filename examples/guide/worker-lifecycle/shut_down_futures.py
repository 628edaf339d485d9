"""Leave a ProcessPoolExecutor's `with` block: __exit__ calls shutdown(wait=True)."""

import time
from concurrent.futures import ProcessPoolExecutor


def slow_square(n: int) -> int:
    time.sleep(0.5)
    return n * n


def main() -> None:
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(slow_square, 7)
    # The block waited for the task, so its result is already there.
    print("after the with block, done:", future.done())
    print("result:", future.result())


if __name__ == "__main__":
    main()
