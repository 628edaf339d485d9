"""Executor.map(timeout=) and as_completed(timeout=) raise TimeoutError.

They raise it from the iterator.
"""

import concurrent.futures
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path


def mark_after(folder: str, n: int) -> int:
    time.sleep(0.5)
    # A mark the parent looks for once the executor has shut down.
    Path(folder, str(n)).touch()
    return n


def square_after(x: int, seconds: float) -> int:
    time.sleep(seconds)
    return x * x


def main() -> None:
    # --8<-- [start:map]
    with tempfile.TemporaryDirectory() as folder:
        with ProcessPoolExecutor(max_workers=1) as executor:
            results = executor.map(mark_after, [folder] * 6, range(6), timeout=0.2)
            try:
                next(results)
            # The built-in TimeoutError from 3.11 on.
            except concurrent.futures.TimeoutError:
                print("map(timeout=0.2): next() raised TimeoutError")
            print(
                "  the iterator is finished afterwards:", next(results, None) is None
            )
        # Leaving the with block waited for the calls a worker had already taken.
        print("  the first call ran to the end:", Path(folder, "0").exists())
        print(
            "  the last call was cancelled, never ran:",
            not Path(folder, "5").exists(),
        )
    # --8<-- [end:map]
    # --8<-- [start:as_completed]
    with ProcessPoolExecutor(max_workers=2) as executor:
        quick = executor.submit(square_after, 2, 0)
        slow = executor.submit(square_after, 3, 2)
        quick.result()
        try:
            for future in as_completed([quick, slow], timeout=0.5):
                print("as_completed(timeout=0.5) yielded a result:", future.result())
        except concurrent.futures.TimeoutError as exc:
            print(f"  then raised TimeoutError: {exc}")
        print("  the slow task was not cancelled:", not slow.cancelled())
        print("  its result still arrives:", slow.result(timeout=10))
    # --8<-- [end:as_completed]


if __name__ == "__main__":
    main()
