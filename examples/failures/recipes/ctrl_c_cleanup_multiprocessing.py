"""On Ctrl-C, stop a multiprocessing.Pool's workers and wait until they are gone."""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals
# ///

import multiprocessing
import os
import signal
import time


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
    # In the workers: no KeyboardInterrupt traceback
    # from each of them, the parent decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    # A shell that starts this script in the
    # background makes it ignore SIGINT: undo that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    pool = multiprocessing.Pool(processes=2, initializer=ignore_ctrl_c)
    results = []
    try:
        for pid, square in pool.imap(slow_square, range(20)):
            results.append(square)
            simulate_ctrl_c(pid)
    except KeyboardInterrupt:
        pool.terminate()  # stop the running tasks too: Pool can, the executor cannot
        print("Ctrl-C: pool terminated")
    else:
        pool.close()
    pool.join()  # wait until every worker has exited
    print("some tasks never ran:", len(results) < 20)
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
