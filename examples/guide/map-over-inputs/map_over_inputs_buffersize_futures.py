"""Map over an endless input with ProcessPoolExecutor.map(buffersize=)."""

# /// script
# requires-python = ">=3.14"
# ///

import itertools
import platform
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

# map(buffersize=) is new in 3.14: an older Python would
# reject the keyword only inside main(), with a bare TypeError.
# Say what this script needs instead, before anything runs.
if sys.version_info < (3, 14):
    print(
        "this example needs Python 3.14 or newer (Executor.map with buffersize=);"
        f" this is {platform.python_version()}",
        file=sys.stderr,
    )
    sys.exit(2)

BUFFERSIZE = 4
pulled = 0  # inputs taken from the generator so far (it runs in this process)


def endless_inputs() -> Iterator[int]:
    global pulled
    for n in itertools.count():
        pulled += 1
        yield n


def square(n: int) -> int:
    return n * n


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # buffersize (3.14+) caps the tasks submitted but not yet read:
        # map() takes 4 inputs, then one more each time a result
        # is asked for. Without it, this map() never returns.
        results = executor.map(square, endless_inputs(), buffersize=BUFFERSIZE)
        print("inputs read before the first result:", pulled)
        print("first five results:", list(itertools.islice(results, 5)))
        print("inputs read after five results:", pulled)


if __name__ == "__main__":
    main()
