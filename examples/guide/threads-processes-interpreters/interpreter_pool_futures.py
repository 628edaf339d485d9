"""Run CPU-bound calls in subinterpreters with InterpreterPoolExecutor (3.14).

Each subinterpreter has its own GIL.
"""

# /// script
# requires-python = ">=3.14"
# ///

import platform
import sys

# InterpreterPoolExecutor is new in 3.14: importing it on an older Python fails
# with a bare ImportError. Say what this script needs instead, before that import.
if sys.version_info < (3, 14):
    print(
        "this example needs Python 3.14 or newer (InterpreterPoolExecutor);"
        f" this is {platform.python_version()}",
        file=sys.stderr,
    )
    sys.exit(2)

# Only now: see the check above.
from concurrent.futures import InterpreterPoolExecutor

# sum() over a range runs in C but holds the GIL throughout: CPU-bound work.
LIMITS = [2_000_000, 4_000_000, 6_000_000, 8_000_000]


def main() -> None:
    # --8<-- [start:run]
    # Each task is pickled into a worker's own interpreter.
    # A function defined in this script lives in __main__,
    # which a worker interpreter cannot see: send importable functions.
    with InterpreterPoolExecutor(max_workers=2) as executor:
        totals = list(executor.map(sum, map(range, LIMITS)))
    # --8<-- [end:run]
    for limit, total in zip(LIMITS, totals, strict=True):
        print(f"sum(range({limit})) = {total}")


if __name__ == "__main__":
    main()
