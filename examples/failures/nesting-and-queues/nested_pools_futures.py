"""A ProcessPoolExecutor task can start its own pool: workers are not daemonic."""

from concurrent.futures import ProcessPoolExecutor


def square(x: int) -> int:
    return x * x


def sum_of_squares(n: int) -> int:
    # --8<-- [start:inner]
    with ProcessPoolExecutor(max_workers=2) as inner:
        return sum(inner.map(square, range(n)))
    # --8<-- [end:inner]


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as outer:
        print(
            "sum of squares below 4 and 5:", list(outer.map(sum_of_squares, [4, 5]))
        )


if __name__ == "__main__":
    main()
