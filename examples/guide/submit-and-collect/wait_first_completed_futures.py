"""Keep at most three calls in flight with wait(return_when=FIRST_COMPLETED)."""

import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

LIMIT = 3


def nap_then_square(n: int) -> int:
    time.sleep((n % 3) / 20)
    return n * n


def main() -> None:
    results = []
    with ProcessPoolExecutor(max_workers=2) as executor:
        pending = set()
        for n in range(10):
            if len(pending) == LIMIT:
                # Block until at least one call finishes, then top the set up again.
                done, pending = wait(
                    pending, timeout=10, return_when=FIRST_COMPLETED
                )
                results.extend(future.result() for future in done)
            pending.add(executor.submit(nap_then_square, n))
        done, _ = wait(pending, timeout=10)  # the default: ALL_COMPLETED
        results.extend(future.result() for future in done)
    # Completion order changes from run to run; sort it for a stable printout.
    print(sorted(results))


if __name__ == "__main__":
    main()
