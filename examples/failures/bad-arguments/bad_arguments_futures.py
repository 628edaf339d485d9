"""ProcessPoolExecutor checks its arguments: ValueError or RuntimeError, at once."""

from concurrent.futures import ProcessPoolExecutor


def square(x: int) -> int:
    return x * x


def main() -> None:
    # --8<-- [start:run]
    attempts = {
        "max_workers=0": lambda: ProcessPoolExecutor(max_workers=0),
        "max_tasks_per_child=0": lambda: ProcessPoolExecutor(max_tasks_per_child=0),
    }
    for label, attempt in attempts.items():
        try:
            attempt()
        # TypeError: no max_tasks_per_child before 3.11.
        except (ValueError, TypeError) as exc:
            print(f"{label}: {type(exc).__name__}: {exc}")
    with ProcessPoolExecutor(max_workers=1) as executor:
        try:
            executor.map(square, [1, 2, 3], chunksize=0)
        except ValueError as exc:
            print(f"map(chunksize=0): ValueError: {exc}")
    try:
        executor.submit(square, 1)
    except RuntimeError as exc:
        print(f"submit() after shutdown: RuntimeError: {exc}")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
