"""A callback that raises kills multiprocessing.Pool's result thread.

No result arrives again.
"""

import multiprocessing
import threading


def work(x: int) -> int:
    return x * x


def save(result: int) -> None:
    raise OSError("disk full")


THREAD_DIED = threading.Event()


def report_dead_thread(args: threading.ExceptHookArgs) -> None:
    # Python prints a dying thread's traceback on stderr;
    # print one line on stdout instead.
    print(f"a pool thread died: {args.exc_type.__name__}: {args.exc_value}")
    THREAD_DIED.set()


def main() -> None:
    threading.excepthook = report_dead_thread
    pool = multiprocessing.Pool(processes=2)
    # --8<-- [start:run]
    first = pool.apply_async(work, (2,), callback=save)
    # So that the output comes in the same order on every run.
    THREAD_DIED.wait(timeout=10)
    for name, x in [("first", 2), ("later", 3)]:
        result = first if name == "first" else pool.apply_async(work, (x,))
        try:
            # Without a timeout: wait forever.
            print(name, "result:", result.get(timeout=0.5))
        except multiprocessing.TimeoutError:
            print(
                name, "result: get(timeout=0.5) raised multiprocessing.TimeoutError"
            )
    # --8<-- [end:run]
    try:
        pool.terminate()
    except AssertionError as exc:
        print("terminate() raised AssertionError:", exc)
    # Not pool.join(): before it raised, terminate() took the lock that workers read
    # their tasks under and kept it, so a worker may never read its stop signal and
    # join() may wait for ever (_help_stuff_finish, then the AssertionError, at
    # https://github.com/python/cpython/blob/v3.13.0/Lib/multiprocessing/pool.py#L672
    # to L699). Stop what is left.
    for worker in multiprocessing.active_children():
        worker.terminate()
        worker.join(timeout=10)
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
