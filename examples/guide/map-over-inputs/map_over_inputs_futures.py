"""Apply one function to every input with ProcessPoolExecutor.map."""

import time
from concurrent.futures import ProcessPoolExecutor

# The first inputs take longest, so later ones tend to finish first.
INPUTS = [4, 3, 2, 1, 0]


def nap_then_square(n: int) -> int:
    time.sleep(n / 20)
    return n * n


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # map() submits all five calls before it returns an iterator;
        # the iterator yields the results in input order,
        # whatever the order in which the workers finish them.
        results = executor.map(nap_then_square, INPUTS)
        print("inputs: ", INPUTS)
        print("results:", list(results))


if __name__ == "__main__":
    main()
