"""Collect results as they finish with multiprocessing.Pool.imap_unordered."""

import time
from multiprocessing import Pool

INPUTS = [3, 1, 2, 0]


def nap_then_square(n: int) -> tuple[int, int]:
    time.sleep(n / 20)
    # imap_unordered() yields bare results in the order they finish:
    # return the input with the result to know which is which.
    return n, n * n


def main() -> None:
    with Pool(processes=2) as pool:
        finished = list(pool.imap_unordered(nap_then_square, INPUTS))
    # Completion order changes from run to run; sort it for a stable printout.
    for n, square in sorted(finished):
        print(f"{n} -> {square}")


if __name__ == "__main__":
    main()
