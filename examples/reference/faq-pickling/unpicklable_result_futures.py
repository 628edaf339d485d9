"""A task whose return value cannot be pickled: ProcessPoolExecutor re-raises.

The caller gets the pickling TypeError.
"""

import threading
from concurrent.futures import ProcessPoolExecutor


def make_lock(x):
    return threading.Lock()  # locks cannot be pickled, so they cannot travel back


def lock_state(x):
    return threading.Lock().locked()  # the fix: return plain data


def main():
    with ProcessPoolExecutor(max_workers=2) as executor:
        try:
            executor.submit(make_lock, 1).result(timeout=20)
        except TypeError as exc:
            print(f"{type(exc).__name__}: {exc}")
        print("fixed:", executor.submit(lock_state, 1).result(timeout=20))


if __name__ == "__main__":
    main()
