"""Collect results as they finish with concurrent.futures.as_completed."""

import time
from concurrent.futures import ProcessPoolExecutor, as_completed

INPUTS = [3, 1, 2, 0]


def nap_then_square(n: int) -> int:
    time.sleep(n / 20)
    return n * n


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # Keep a map from each Future back to its input: as_completed()
        # yields the Futures themselves, in the order they finish.
        futures = {executor.submit(nap_then_square, n): n for n in INPUTS}
        finished = []
        for future in as_completed(futures, timeout=10):
            finished.append((futures[future], future.result()))
    # Completion order changes from run to run; sort it for a stable printout.
    for n, square in sorted(finished):
        print(f"{n} -> {square}")


if __name__ == "__main__":
    main()
