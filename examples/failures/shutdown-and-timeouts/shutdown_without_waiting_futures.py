"""ProcessPoolExecutor.shutdown(wait=False) returns at once.

The program's exit still waits for the tasks.
"""

import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 4


def slow_task(n: int) -> None:
    time.sleep(0.3)
    print(f"task {n} finished", flush=True)


# --8<-- [start:program]
def program(cancel_futures: bool) -> None:
    """Submit four tasks to one worker, shut down without waiting, then exit."""
    # A global keeps the executor alive until the
    # interpreter exits (see cancel_futures below).
    global executor
    executor = ProcessPoolExecutor(max_workers=1)
    futures = [executor.submit(slow_task, n) for n in range(TASKS)]
    # Wait until the first task is handed to the worker.
    while not futures[0].running():
        time.sleep(0.01)
    executor.shutdown(wait=False, cancel_futures=cancel_futures)
    print(
        "shutdown returned before the first task finished:",
        not futures[0].done(),
        flush=True,
    )
    # The program ends here: the interpreter exits.


# --8<-- [end:program]


def run_program(cancel_futures: bool) -> list[str]:
    """Run program() in a fresh interpreter and return the lines it printed."""
    command = [sys.executable, __file__, "--program"]
    if cancel_futures:
        command.append("--cancel-futures")
    done = subprocess.run(
        command, stdout=subprocess.PIPE, text=True, timeout=30, check=True
    )
    return done.stdout.splitlines()


def main() -> None:
    if "--program" in sys.argv:
        program(cancel_futures="--cancel-futures" in sys.argv)
        return
    # --8<-- [start:run]
    printed = run_program(cancel_futures=False)
    print("shutdown(wait=False):")
    print(" ", printed[0])
    finished = [line for line in printed if line.endswith(" finished")]
    print("  the exit waited for every task:", len(finished) == TASKS)

    printed = run_program(cancel_futures=True)
    print("shutdown(wait=False, cancel_futures=True):")
    print(" ", printed[0])
    print("  the exit waited for the first task:", "task 0 finished" in printed)
    print(
        "  the last task was cancelled:", f"task {TASKS - 1} finished" not in printed
    )
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
