"""Submitting to a Pool after close() or after its with block raises ValueError.

The message is "Pool not running".
"""

from multiprocessing import Pool


def square(x):
    return x * x


def main():
    with Pool(processes=2) as pool:
        print("inside the block:", pool.apply(square, (3,)))
    try:
        pool.apply_async(square, (4,))  # the with block has already terminated it
    except ValueError as exc:
        print(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
