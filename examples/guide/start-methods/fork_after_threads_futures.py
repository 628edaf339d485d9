"""Python 3.12+ warns when a ProcessPoolExecutor forks a process with threads."""

import multiprocessing
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor


def square(n: int) -> int:
    return n * n


def fork_warned(method: str) -> bool:
    """Run one task with the given start method; report whether fork warned."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as executor:
            executor.submit(square, 3).result()
    return any(
        "use of fork() may lead to deadlocks" in str(w.message) for w in caught
    )


def main() -> None:
    # Any running thread counts: one started by a
    # logging handler, a client library, a GUI...
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        for method in ("fork", "forkserver", "spawn"):
            print(f"{method:>10}: DeprecationWarning issued: {fork_warned(method)}")
    finally:
        stop.set()
        helper.join()


if __name__ == "__main__":
    main()
