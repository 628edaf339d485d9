"""Keep at most three calls in flight with Pool.apply_async and a semaphore."""

import threading
import time
from multiprocessing import Pool

LIMIT = 3
slots = threading.Semaphore(LIMIT)


def nap_then_square(n: int) -> int:
    time.sleep((n % 3) / 20)
    return n * n


def free_slot(_: object) -> None:
    # Runs in a thread of the pool in this
    # process when a call finishes, failed or not.
    slots.release()


def main() -> None:
    with Pool(processes=2) as pool:
        submitted = []
        for n in range(10):
            # Block until fewer than three calls are in flight: Pool has no wait().
            if not slots.acquire(timeout=10):
                raise TimeoutError("no call finished within 10 s")
            call = pool.apply_async(
                nap_then_square, (n,), callback=free_slot, error_callback=free_slot
            )
            submitted.append(call)
        results = [call.get(timeout=10) for call in submitted]
    print(sorted(results))


if __name__ == "__main__":
    main()
