"""Show loky's reusable executor: one shared pool, workers that accept a lambda."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["loky"]
# [tool.fvm]
# start-methods = []  # loky starts its workers its own way: run once
# ///

from loky import get_reusable_executor


def main() -> None:
    # --8<-- [start:reuse]
    first = get_reusable_executor(max_workers=2)
    again = get_reusable_executor(max_workers=2)
    print("the same executor again:", first is again)
    # cloudpickle sends the lambda itself,
    # by value: the stdlib pools cannot pickle it.
    print("squares:", list(first.map(lambda n: n * n, range(6))))
    # Idle workers wait 10 s (timeout=) for the next call; stop them now instead.
    first.shutdown(kill_workers=True)
    # --8<-- [end:reuse]


if __name__ == "__main__":
    main()
