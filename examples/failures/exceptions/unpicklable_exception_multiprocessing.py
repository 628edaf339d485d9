"""An exception the parent cannot unpickle wedges multiprocessing.Pool for good."""

import multiprocessing
import threading


class QuotaError(Exception):
    # Pickle rebuilds an exception as QuotaError(*self.args), and args holds only
    # the message: the parent's call QuotaError("...") misses `limit` and fails.
    def __init__(self, user: str, limit: int) -> None:
        super().__init__(f"{user} is over the limit of {limit}")


def work(x: int) -> int:
    if x == 3:
        raise QuotaError("alice", 10)
    return x * x


THREAD_DIED = threading.Event()


def report_dead_thread(args: threading.ExceptHookArgs) -> None:
    # Python prints a dying thread's traceback on stderr;
    # print one line on stdout instead.
    print(f"a pool thread died: {args.exc_type.__name__}: {args.exc_value}")
    THREAD_DIED.set()


def main() -> None:
    threading.excepthook = report_dead_thread
    # --8<-- [start:run]
    pool = multiprocessing.Pool(processes=2)
    failing = pool.apply_async(work, (3,))
    # So that the output comes in the same order on every run.
    THREAD_DIED.wait(timeout=10)
    for x, result in [(3, failing), (2, pool.apply_async(work, (2,)))]:
        try:
            result.get(timeout=0.5)  # without a timeout: wait forever
        except multiprocessing.TimeoutError:
            print(f"work({x}): get(timeout=0.5) raised multiprocessing.TimeoutError")
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
    # --8<-- [end:run]
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
