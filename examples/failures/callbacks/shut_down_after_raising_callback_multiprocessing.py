"""A Pool whose callback raised: close() returns, join() waits for ever.

Leaving the with block raises.
"""

import multiprocessing
import threading

THREAD_DIED = threading.Event()
DEAD_THREADS: list[threading.Thread] = []


def work(x: int) -> int:
    return x * x


def save(result: int) -> None:
    raise OSError("disk full")


def report_dead_thread(args: threading.ExceptHookArgs) -> None:
    # Python prints a dying thread's traceback on stderr;
    # print one line on stdout instead.
    print(f"a pool thread died: {args.exc_type.__name__}: {args.exc_value}")
    DEAD_THREADS.append(args.thread)
    THREAD_DIED.set()


def main() -> None:
    threading.excepthook = report_dead_thread
    # join() runs in a thread of its own,
    # so that the script can give up waiting for it.
    joiner = None
    # --8<-- [start:run]
    try:
        with multiprocessing.Pool(processes=2) as pool:
            pool.apply_async(work, (2,), callback=save)
            THREAD_DIED.wait(timeout=10)
            # The hook runs just before the thread ends.
            DEAD_THREADS[0].join(timeout=10)
            pool.close()
            print("close() returned")
            joiner = threading.Thread(target=pool.join, daemon=True)
            joiner.start()
            joiner.join(timeout=1)
            print("join() still waiting after 1 s:", joiner.is_alive())
    except AssertionError:
        print("leaving the with block raised AssertionError")
    # --8<-- [end:run]
    # After the AssertionError a worker may wait for
    # ever for its stop signal: stop what is left.
    for worker in multiprocessing.active_children():
        worker.terminate()
        worker.join(timeout=10)
    if joiner is not None:
        joiner.join(timeout=10)
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
