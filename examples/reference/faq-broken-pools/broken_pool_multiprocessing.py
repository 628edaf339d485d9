"""A worker that dies leaves a Pool task unanswered: only a get() timeout ends it."""

import multiprocessing
import os


def crash(x):
    os._exit(1)  # stands in for a segfault or the out-of-memory killer


def main():
    # spawn: with fork, Python 3.12+ warns when the pool forks a replacement
    # worker from this process, which by then runs the pool's own threads.
    context = multiprocessing.get_context("spawn")
    # Leaving the block terminates the workers.
    with context.Pool(processes=2) as pool:
        result = pool.apply_async(crash, (1,))
        try:
            result.get(timeout=3)  # without a timeout this waits forever
        except multiprocessing.TimeoutError as exc:
            print(
                f"{type(exc).__name__} after 3 s:"
                " the worker died, the task never finishes"
            )
        print("the pool replaced the worker:", pool.apply(abs, (-1,)))


if __name__ == "__main__":
    main()
