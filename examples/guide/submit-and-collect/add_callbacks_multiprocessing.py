"""Run code when a call finishes: Pool.apply_async's callback and error_callback."""

import threading
from multiprocessing import Pool

seen = {}  # what each callback got, and in which thread of this process it ran


def square(n: int) -> int:
    if n < 0:
        raise ValueError(f"bad input: {n}")
    return n * n


def where() -> str:
    main = threading.current_thread() is threading.main_thread()
    return "the main thread" if main else "a pool thread"


def on_result(value: int) -> None:
    # A callback gets the return value;
    # keep it short, it holds up every other result.
    seen["callback"] = f"got {value} in {where()}"


def on_error(error: BaseException) -> None:
    seen["error_callback"] = f"got {error!r} in {where()}"


def main() -> None:
    with Pool(processes=1) as pool:
        # Callbacks are given with the call and run in a thread of the pool:
        # the result thread here, and for any call whose task ran.
        # An error_callback for arguments that could not be pickled runs in the
        # task-handler thread instead (Pool._handle_tasks, lines 527-545 of
        # https://github.com/python/cpython/blob/v3.13.0/Lib/multiprocessing/pool.py)
        ok = pool.apply_async(
            square, (3,), callback=on_result, error_callback=on_error
        )
        bad = pool.apply_async(
            square, (-1,), callback=on_result, error_callback=on_error
        )
        # wait() returns once the result is stored,
        # which is after its callback has run.
        ok.wait(timeout=10)
        bad.wait(timeout=10)
    for label in ("callback", "error_callback"):
        print(f"{label}: {seen[label]}")


if __name__ == "__main__":
    main()
