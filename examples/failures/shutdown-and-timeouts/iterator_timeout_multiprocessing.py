"""Pool.map has no timeout; map_async(...).get(timeout=) and imap's next() do."""

import multiprocessing
import time


def slow_square(x: int) -> int:
    time.sleep(0.5)
    return x * x


def main() -> None:
    with multiprocessing.Pool(processes=1) as pool:
        # --8<-- [start:map]
        try:
            pool.map(slow_square, [3, 4], timeout=0.2)
        except TypeError as exc:
            print(f"map(timeout=0.2) raised TypeError: {exc}")
        async_result = pool.map_async(slow_square, [3, 4])
        try:
            async_result.get(timeout=0.2)
        except multiprocessing.TimeoutError:  # not the built-in TimeoutError
            print(
                "map_async(...).get(timeout=0.2) raised multiprocessing.TimeoutError"
            )
        print("  the calls ran on; get() again:", async_result.get(timeout=10))
        # --8<-- [end:map]
        # --8<-- [start:imap]
        results = pool.imap(slow_square, [5, 6])
        try:
            results.next(timeout=0.2)
        except multiprocessing.TimeoutError:
            print("imap(...).next(timeout=0.2) raised multiprocessing.TimeoutError")
        print("  the iterator goes on; next() again:", results.next(timeout=10))
        print("  and again:", results.next(timeout=10))
        # --8<-- [end:imap]


if __name__ == "__main__":
    main()
