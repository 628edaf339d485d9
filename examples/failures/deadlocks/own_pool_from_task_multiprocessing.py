"""A multiprocessing.Pool task cannot call its own pool: the pool does not pickle."""

import multiprocessing
from multiprocessing.pool import Pool


def apply_on(pool: Pool) -> int:
    return pool.apply(abs, (-2,))


def main() -> None:
    # --8<-- [start:run]
    with multiprocessing.Pool(processes=1) as pool:
        result = pool.apply_async(apply_on, (pool,))
        try:
            result.get(timeout=10)
        except NotImplementedError as exc:
            print(f"the pool as a task argument: NotImplementedError: {exc}")
        print("the pool still works:", pool.apply_async(abs, (-2,)).get(timeout=10))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
