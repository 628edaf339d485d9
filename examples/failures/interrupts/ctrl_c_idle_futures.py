"""Ctrl-C reaches an idle ProcessPoolExecutor worker.

The worker dies, and the executor is broken.
"""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals
# ///

import multiprocessing
import os
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path


def stderr_to_file(folder: str) -> None:
    # The tests want an empty stderr: each worker
    # writes its own to a file the script prints.
    file = os.open(Path(folder, f"{os.getpid()}.txt"), os.O_WRONLY | os.O_CREAT)
    os.dup2(file, sys.stderr.fileno())


def press_ctrl_c() -> None:
    # What a terminal does on Ctrl-C: SIGINT to
    # every process of the group, workers included.
    for process in multiprocessing.active_children():
        os.kill(process.pid, signal.SIGINT)
    os.kill(os.getpid(), signal.SIGINT)


def print_worker_stderr(folder: str, worker_function: str) -> None:
    texts = [path.read_text() for path in sorted(Path(folder).iterdir())]
    tracebacks = [text.splitlines() for text in texts if "Traceback" in text]
    print("workers that printed a traceback:", len(tracebacks))
    for lines in tracebacks:
        frame = next(
            i
            for i, line in enumerate(lines)
            if line.endswith(f"in {worker_function}")
        )
        where = lines[frame + 1].strip()
        print(f"  the worker was in {worker_function}(), at: {where}")
        print(f"  its last line: {lines[-1]}")


def main() -> None:
    # A shell that starts this script in the
    # background makes it ignore SIGINT: undo that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:run]
        with ProcessPoolExecutor(
            1, initializer=stderr_to_file, initargs=(folder,)
        ) as executor:
            print("a first task returned:", executor.submit(pow, 3, 2).result())
            time.sleep(0.2)  # the worker now waits for the next task
            try:
                press_ctrl_c()
                time.sleep(5)  # the program waits between two batches
            except KeyboardInterrupt:
                print("KeyboardInterrupt in the parent")
            time.sleep(0.2)  # then it goes on with the next batch
            try:
                print(
                    "the next task returned:",
                    executor.submit(pow, 4, 2).result(timeout=5),
                )
            except BrokenProcessPool:
                print("the next task raised BrokenProcessPool")
        # --8<-- [end:run]
        print_worker_stderr(folder, "_process_worker")


if __name__ == "__main__":
    main()
