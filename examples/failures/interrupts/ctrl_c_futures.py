"""Ctrl-C during as_completed, inside a ProcessPoolExecutor's with block.

Leaving the block first runs every submitted task.
"""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals
# ///

import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


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
    futures = []
    try:
        with ProcessPoolExecutor(max_workers=2) as executor:
            futures = [executor.submit(slow_square, x) for x in range(6)]
            for i, _ in enumerate(as_completed(futures)):
                if i == 0:  # press Ctrl-C while the loop waits for the next result
                    threading.Timer(0.05, press_ctrl_c).start()
    except KeyboardInterrupt:
        print("KeyboardInterrupt reached main()")
    # shutdown(wait=True) in __exit__ ran before
    # the exception could leave the with block.
    print(
        "tasks finished:",
        sum(future.done() and not future.cancelled() for future in futures),
    )
    print("tasks cancelled:", sum(future.cancelled() for future in futures))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
