"""Map over an endless input with Pool.apply_async and a bounded window."""

import itertools
from collections import deque
from collections.abc import Iterator
from multiprocessing import Pool

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
    inputs = endless_inputs()
    with Pool(processes=2) as pool:
        # Pool has no buffersize (imap feeds its workers as fast as
        # the pipe takes it), so keep a window of 4 submitted calls,
        # and submit one more each time a result is read.
        window = deque(
            pool.apply_async(square, (n,))
            for n in itertools.islice(inputs, BUFFERSIZE)
        )
        print("inputs read before the first result:", pulled)
        first_five = []
        while len(first_five) < 5:
            window.append(pool.apply_async(square, (next(inputs),)))
            first_five.append(window.popleft().get(timeout=10))
        print("first five results:", first_five)
        print("inputs read after five results:", pulled)
        # Let the window's calls finish: terminate() at the end of
        # `with` races with the pool's worker-restarting thread,
        # which may fork (and warn, on 3.12+) under fork.
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()
