"""Ctrl-C during multiprocessing.Pool.map: the with block terminates the workers."""

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
    # What the terminal does on Ctrl-C,
    # for this process only (see the page for the workers).
    os.kill(os.getpid(), signal.SIGINT)


def main() -> None:
    # A shell that starts this script in the
    # background makes it ignore SIGINT: undo that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # --8<-- [start:run]
    results = None
    try:
        with multiprocessing.Pool(processes=2) as pool:
            # Six 0.2 s tasks on 2 workers: mid-map.
            threading.Timer(0.3, press_ctrl_c).start()
            results = pool.map(slow_square, range(6), chunksize=1)
    except KeyboardInterrupt:
        print("KeyboardInterrupt reached main()")
    # terminate() in __exit__ stopped the workers without waiting for their tasks.
    print("map() returned:", results is not None)
    print("worker processes left:", len(multiprocessing.active_children()))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
