"""A multiprocessing.Pool task cannot start its own pool: workers are daemonic."""

from multiprocessing import Pool


def square(x: int) -> int:
    return x * x


def sum_of_squares(n: int) -> int:
    # --8<-- [start:inner]
    with Pool(processes=2) as inner:
        return sum(inner.map(square, range(n)))
    # --8<-- [end:inner]


def main() -> None:
    outer = Pool(processes=2)
    try:
        print("sum of squares below 4 and 5:", outer.map(sum_of_squares, [4, 5]))
    except AssertionError as exc:
        print("map() raised AssertionError:", exc)
    # close() and join(), not terminate(): the workers exit normally and
    # remove the semaphores that the inner Pool created before it failed.
    outer.close()
    outer.join()


if __name__ == "__main__":
    main()
