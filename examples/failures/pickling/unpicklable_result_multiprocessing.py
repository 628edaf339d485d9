"""A task whose result cannot be pickled: Pool raises MaybeEncodingError."""

import re
import threading
from multiprocessing import Pool
from multiprocessing.pool import MaybeEncodingError


def make_lock(x: int) -> threading.Lock:
    return threading.Lock()  # runs fine in the worker; sending it back fails


def main() -> None:
    with Pool(processes=2) as pool:
        # --8<-- [start:run]
        try:
            pool.apply_async(make_lock, (1,)).get(timeout=10)  # a safety net only
        except MaybeEncodingError as exc:
            # The message shows the result's repr,
            # with a memory address: hide the address.
            message = re.sub(r"0x[0-9a-f]+", "0x...", str(exc))
            name = f"{type(exc).__module__}.{type(exc).__name__}"
            print(f"get() raised {name}: {message}")
        # --8<-- [end:run]
        print("the pool still works:", pool.apply(abs, (-2,)))


if __name__ == "__main__":
    main()
