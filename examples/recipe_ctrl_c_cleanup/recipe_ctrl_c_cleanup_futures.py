"""On Ctrl-C, cancel a ProcessPoolExecutor's pending work and leave no worker behind."""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals
# ///

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def slow_square(x: int) -> int:
    time.sleep(0.2)
    return x * x


def press_ctrl_c() -> None:
    # A terminal sends SIGINT to every process in the foreground group: parent and workers.
    for process in [*multiprocessing.active_children()]:
        os.kill(process.pid, signal.SIGINT)
    os.kill(os.getpid(), signal.SIGINT)


# --8<-- [start:recipe]
def ignore_ctrl_c() -> None:
    # In the workers: let the parent decide what Ctrl-C means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    # A shell that starts this script in the background makes it ignore SIGINT: undo that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    executor = ProcessPoolExecutor(max_workers=2, initializer=ignore_ctrl_c)
    futures = [executor.submit(slow_square, x) for x in range(20)]
    try:
        for i, future in enumerate(as_completed(futures)):
            if i == 0:  # the demonstration: press Ctrl-C once the first result is in
                threading.Timer(0.05, press_ctrl_c).start()
            future.result()
    except KeyboardInterrupt:
        # Drop the tasks not started yet; wait only for the few already running.
        executor.shutdown(wait=True, cancel_futures=True)
        print("Ctrl-C: pending tasks cancelled")
    else:
        executor.shutdown()
    # --8<-- [end:recipe]
    print("some tasks cancelled:", any(future.cancelled() for future in futures))
    print("no task failed:", not any(f.exception() for f in futures if not f.cancelled()))
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
