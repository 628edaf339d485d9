"""On Ctrl-C, stop a multiprocessing.Pool's workers and wait until they are gone."""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals
# ///

import multiprocessing
import os
import signal
import threading
import time


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
    # In the workers: no KeyboardInterrupt traceback from each of them, the parent decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    # A shell that starts this script in the background makes it ignore SIGINT: undo that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    pool = multiprocessing.Pool(processes=2, initializer=ignore_ctrl_c)
    results = []
    try:
        for i, result in enumerate(pool.imap(slow_square, range(20))):
            if i == 0:  # the demonstration: press Ctrl-C once the first result is in
                threading.Timer(0.05, press_ctrl_c).start()
            results.append(result)
    except KeyboardInterrupt:
        pool.terminate()  # stop the running tasks too: Pool can, the executor cannot
        print("Ctrl-C: pool terminated")
    else:
        pool.close()
    pool.join()  # wait until every worker has exited
    # --8<-- [end:recipe]
    print("some tasks never ran:", len(results) < 20)
    print("worker processes left:", len(multiprocessing.active_children()))


if __name__ == "__main__":
    main()
