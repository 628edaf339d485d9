"""A ProcessPoolExecutor task cannot submit to its own executor.

The executor does not pickle.
"""

from concurrent.futures import ProcessPoolExecutor


def submit_to(executor: ProcessPoolExecutor) -> int:
    return executor.submit(abs, -2).result()


def main() -> None:
    # --8<-- [start:run]
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(submit_to, executor)
        try:
            future.result(timeout=10)
        except TypeError as exc:
            print(f"the executor as a task argument: TypeError: {exc}")
        print(
            "the executor still works:", executor.submit(abs, -2).result(timeout=10)
        )
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
