"""On Ctrl-C, cancel a ProcessPoolExecutor's pending work, leave no worker behind."""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals
# ///

import multiprocessing
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def slow_square(x: int) -> tuple[int, int]:
    time.sleep(0.2)
    return os.getpid(), x * x


SEEN: set[int] = set()


def simulate_ctrl_c(pid: int) -> None:
    # Once both workers have run their initializer and a task,
    # do what a terminal does on Ctrl-C: send SIGINT to every
    # process in the foreground group, the workers and this one.
    SEEN.add(pid)
    if len(SEEN) == 2:
        SEEN.add(0)  # once only
        for process in multiprocessing.active_children():
            os.kill(process.pid, signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)


def ignore_ctrl_c() -> None:
    # In the workers: let the parent decide what Ctrl-C means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    # A shell that starts this script in the
    # background makes it ignore SIGINT: undo that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    executor = ProcessPoolExecutor(max_workers=2, initializer=ignore_ctrl_c)
    futures = [executor.submit(slow_square, x) for x in range(20)]
    try:
        for future in as_completed(futures):
            simulate_ctrl_c(future.result()[0])  # the result is (worker pid, square)
    except KeyboardInterrupt:
        # Drop the tasks not started yet; wait only for the few already running.
        executor.shutdown(wait=True, cancel_futures=True)
        print("Ctrl-C: pending tasks cancelled")
    else:
        executor.shutdown()
    print("some tasks cancelled:", any(future.cancelled() for future in futures))
    print(
        "no task failed:",
        not any(f.exception() for f in futures if not f.cancelled()),
    )
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
