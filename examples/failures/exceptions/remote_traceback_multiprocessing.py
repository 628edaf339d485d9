"""multiprocessing.Pool re-raises a task's exception.

The worker's traceback is its __cause__.
"""

from multiprocessing import Pool


def parse(text: str) -> int:
    return int(text)


def main() -> None:
    with Pool(processes=2) as pool:
        # --8<-- [start:catch]
        try:
            pool.map(parse, ["1", "2", "three"])
        except ValueError as exc:
            print("caught:", repr(exc))
            cause = exc.__cause__
            print(
                "__cause__ type:",
                f"{type(cause).__module__}.{type(cause).__qualname__}",
            )
            # The worker's traceback, as text: it names the function that raised.
            print("worker frame in it:", "in parse" in str(cause))
        # --8<-- [end:catch]


if __name__ == "__main__":
    main()
