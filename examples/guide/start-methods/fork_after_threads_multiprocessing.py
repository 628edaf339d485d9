"""Python 3.12+ warns when a multiprocessing.Pool forks a process with threads."""

import multiprocessing
import threading
import warnings


def square(n: int) -> int:
    return n * n


def fork_warned(method: str) -> bool:
    """Run one task with the given start method; report whether fork warned."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with multiprocessing.get_context(method).Pool(processes=2) as pool:
            pool.apply(square, (3,))
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
