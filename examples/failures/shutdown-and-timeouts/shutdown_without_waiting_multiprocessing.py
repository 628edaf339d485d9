"""multiprocessing.Pool.close() without join() returns at once.

The program's exit then drops the tasks.
"""

import multiprocessing
import subprocess
import sys
import time

TASKS = 4


def slow_task(n: int) -> None:
    time.sleep(1)  # long enough that no task can finish before the program ends
    print(f"task {n} finished", flush=True)


# --8<-- [start:program]
def program() -> None:
    """Submit four tasks to one worker, close the pool without join(), then exit."""
    pool = multiprocessing.Pool(processes=1)
    results = [pool.apply_async(slow_task, (n,)) for n in range(TASKS)]
    pool.close()  # no more tasks; without join() nothing waits for the queued ones
    print(
        "close() returned before the first task finished:",
        not results[0].ready(),
        flush=True,
    )
    # The program ends here: the interpreter exits.


# --8<-- [end:program]


def run_program() -> list[str]:
    """Run program() in a fresh interpreter and return the lines it printed."""
    command = [sys.executable, __file__, "--program"]
    done = subprocess.run(
        command, stdout=subprocess.PIPE, text=True, timeout=30, check=True
    )
    return done.stdout.splitlines()


def main() -> None:
    if "--program" in sys.argv:
        program()
        return
    # --8<-- [start:run]
    printed = run_program()
    print("close() without join():")
    print(" ", printed[0])
    finished = [line for line in printed if line.endswith(" finished")]
    print("  the exit waited for the tasks:", len(finished) == TASKS)
    print("  tasks that finished:", len(finished))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
