"""Apply one function to every input with multiprocessing.Pool.map."""

import time
from multiprocessing import Pool

# The first inputs take longest, so later ones tend to finish first.
INPUTS = [4, 3, 2, 1, 0]


def nap_then_square(n: int) -> int:
    time.sleep(n / 20)
    return n * n


def main() -> None:
    with Pool(processes=2) as pool:
        # map() blocks until every result is back, then returns a list in
        # input order, whatever the order in which the workers finished them.
        results = pool.map(nap_then_square, INPUTS)
        print("inputs: ", INPUTS)
        print("results:", results)


if __name__ == "__main__":
    main()
