"""Python 3.12+ warns when a multi-threaded process forks; forkserver avoids it."""

import multiprocessing
import re
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor

PID = re.compile(r"pid=\d+")


def square(x):
    return x * x


def run_pool(method):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
            executor.submit(square, 3).result(timeout=20)
    # The pid changes every run.
    messages = {
        f"{w.category.__name__}: {PID.sub('pid=...', str(w.message))}"
        for w in caught
    }
    print(f"{method}: {len(messages)} warning(s)")
    for message in sorted(messages):
        print(f"  {message}")


def main():
    stop = threading.Event()
    # Any extra thread makes the process multi-threaded.
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        run_pool("fork")
        # The fix: workers are forked from a single-threaded server.
        run_pool("forkserver")
    finally:
        stop.set()
        helper.join()


if __name__ == "__main__":
    main()
