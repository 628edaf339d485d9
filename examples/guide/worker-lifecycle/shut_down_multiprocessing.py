"""Leave a multiprocessing.Pool's `with` block: __exit__ calls terminate().

terminate() stops the workers at once.
"""

import time
from multiprocessing import Pool, TimeoutError


def slow_square(n: int) -> int:
    # Long enough that terminate() always stops it first, however slowly a
    # busy machine runs the with block's exit; the script does not wait for it.
    time.sleep(10)
    return n * n


def main() -> None:
    with Pool(processes=1) as pool:
        result = pool.apply_async(slow_square, (7,))
    # The workers were stopped before the task
    # could finish: its result will never arrive.
    print("after the with block, done:", result.ready())
    try:
        print("result:", result.get(timeout=0.5))
    except TimeoutError:
        print("result: none, get() timed out")


if __name__ == "__main__":
    main()
