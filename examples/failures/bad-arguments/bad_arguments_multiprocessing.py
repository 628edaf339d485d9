"""multiprocessing.Pool checks most arguments, but map() accepts chunksize=0.

That map loses the work.
"""

import multiprocessing


def square(x: int) -> int:
    return x * x


def main() -> None:
    # --8<-- [start:run]
    try:
        multiprocessing.Pool(processes=0)
    except ValueError as exc:
        print(f"processes=0: ValueError: {exc}")
    try:
        multiprocessing.Pool(maxtasksperchild=0)
    except ValueError as exc:
        print(f"maxtasksperchild=0: ValueError: {exc}")
    with multiprocessing.Pool(processes=1) as pool:
        print("map(chunksize=0) returns:", pool.map(square, [1, 2, 3], chunksize=0))
        try:
            list(pool.imap(square, [1, 2, 3], chunksize=0))
        except ValueError as exc:
            print(f"imap(chunksize=0): ValueError: {exc}")
        pool.close()
        try:
            pool.apply(square, (1,))
        except ValueError as exc:
            print(f"apply() after close(): ValueError: {exc}")
        pool.join()
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
