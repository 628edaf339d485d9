"""Show that a global set by loky's initializer is not the one its tasks read."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["loky"]
# [tool.fvm]
# start-methods = []  # loky starts its workers its own way: run once
# ///

from concurrent.futures import ProcessPoolExecutor

from loky import get_reusable_executor

GREETING = "unset"


def set_greeting(text: str) -> None:
    """Run once in each worker when it starts."""
    global GREETING
    GREETING = text


def greet(name: str) -> str:
    return f"{GREETING}, {name}"


def main() -> None:
    names = ["Ada", "Grace"]
    # --8<-- [start:initializer]
    with ProcessPoolExecutor(
        2, initializer=set_greeting, initargs=("hello",)
    ) as executor:
        print("ProcessPoolExecutor:", list(executor.map(greet, names)))
    executor = get_reusable_executor(
        2, initializer=set_greeting, initargs=("hello",)
    )
    print("loky:", list(executor.map(greet, names)))
    executor.shutdown(kill_workers=True)
    # --8<-- [end:initializer]


if __name__ == "__main__":
    main()
