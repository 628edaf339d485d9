"""Threads for waiting, processes for computing: Thread- and ProcessPoolExecutor."""

import os
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

# Four tasks wait here together: the barrier opens
# only once all four are blocked at the same time.
REPLIES = threading.Barrier(4)
LIMITS = [20_000, 30_000, 40_000, 50_000]


def wait_for_reply(request: int) -> tuple[int, int, int]:
    """Stand in for a network call: a blocked thread releases the GIL."""
    REPLIES.wait(timeout=10)
    return request * 10, os.getpid(), threading.get_ident()


def count_primes(limit: int) -> tuple[int, int]:
    """Pure-Python arithmetic: it holds the GIL for as long as it runs."""
    count = sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )
    return count, os.getpid()


def main() -> None:
    # --8<-- [start:run]
    with ProcessPoolExecutor(max_workers=2) as processes:
        counts = list(processes.map(count_primes, LIMITS))
    with ThreadPoolExecutor(max_workers=4) as threads:
        replies = list(threads.map(wait_for_reply, range(4)))
    # --8<-- [end:run]
    report(counts, replies)


def report(
    counts: list[tuple[int, int]], replies: list[tuple[int, int, int]]
) -> None:
    print("CPU-bound, processes: ", [count for count, _ in counts])
    print(
        "  none ran in this process:", all(pid != os.getpid() for _, pid in counts)
    )
    print("I/O-bound, threads:   ", [reply for reply, _, _ in replies])
    print(
        "  threads that waited at once:", len({thread for _, _, thread in replies})
    )
    print(
        "  all ran in this process:",
        all(pid == os.getpid() for _, pid, _ in replies),
    )


if __name__ == "__main__":
    main()
