"""A task whose return value cannot be pickled: Pool raises MaybeEncodingError."""

import re
import threading
from multiprocessing import Pool
from multiprocessing.pool import MaybeEncodingError


def make_lock(x):
    return threading.Lock()  # locks cannot be pickled, so they cannot travel back


def lock_state(x):
    return threading.Lock().locked()  # the fix: return plain data


def main():
    with Pool(processes=2) as pool:
        try:
            pool.apply(make_lock, (1,))
        except MaybeEncodingError as exc:
            message = re.sub(r"0x[0-9a-fA-F]+", "0x...", str(exc))
            print(f"{type(exc).__name__}: {message}")
        print("fixed:", pool.apply(lock_state, (1,)))


if __name__ == "__main__":
    main()
