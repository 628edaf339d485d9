"""Show a tqdm progress bar as ProcessPoolExecutor tasks finish: as_completed."""

# /// script
# dependencies = ["tqdm"]
# ///

import sys
from concurrent.futures import ProcessPoolExecutor, as_completed

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
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(count_primes, limit) for limit in LIMITS]
        # as_completed yields each future as it finishes:
        # one bar step per finished task.
        results = [
            future.result()
            for future in tqdm(as_completed(futures), total=len(futures), **BAR)
        ]
    # --8<-- [end:run]
    for limit, count in sorted(results):  # completion order varies from run to run
        print(f"primes below {limit}: {count}")


if __name__ == "__main__":
    main()
