"""Show a tqdm progress bar as Pool tasks finish, with imap_unordered."""

# /// script
# dependencies = ["tqdm"]
# ///

import sys
from multiprocessing import get_context

from tqdm import tqdm

LIMITS = [5_000 * k for k in range(1, 9)]
# tqdm writes to stderr by default. This bar goes to stdout
# and leaves out the elapsed time and the rate, and redraws on
# every update, so that the tests can compare what it prints.
BAR = {
    "file": sys.stdout,
    "bar_format": "{l_bar}{bar:16}| {n_fmt}/{total_fmt}",
    "ascii": True,
    "mininterval": 0,
    "miniters": 1,
}


def count_primes(limit: int) -> tuple[int, int]:
    count = sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )
    return limit, count


def main() -> None:
    # --8<-- [start:run]
    with get_context().Pool(processes=2) as pool:
        # imap_unordered yields each result as it arrives;
        # an iterator has no len(): pass total.
        results = list(
            tqdm(pool.imap_unordered(count_primes, LIMITS), total=len(LIMITS), **BAR)
        )
    # --8<-- [end:run]
    for limit, count in sorted(results):  # completion order varies from run to run
        print(f"primes below {limit}: {count}")


if __name__ == "__main__":
    main()
