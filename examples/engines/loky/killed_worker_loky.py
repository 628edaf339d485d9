"""What loky's executor reports when a worker dies mid-task: TerminatedWorkerError.

The next call gets a new executor.
"""

# /// script
# requires-python = ">=3.10"
# dependencies = ["loky"]
# [tool.fvm]
# start-methods = []  # loky starts its workers its own way: run once
# ///

import os
import time
from concurrent.futures.process import BrokenProcessPool

from loky import get_reusable_executor
from loky.process_executor import TerminatedWorkerError


def die_mid_task() -> None:
    """Work a moment, then end this worker process abruptly."""
    time.sleep(0.5)
    # No exception and no cleanup, as when the out-of-memory killer sends SIGKILL.
    os._exit(1)


def slow_square(x: int) -> int:
    time.sleep(30)  # still running in the other worker when the first one dies
    return x * x


def square(x: int) -> int:
    return x * x


def outcome(future) -> str:
    try:
        return f"returned {future.result(timeout=60)}"
    except TerminatedWorkerError:
        return "raised TerminatedWorkerError"


def main() -> None:
    # --8<-- [start:killed]
    executor = get_reusable_executor(max_workers=2)
    bystander = executor.submit(slow_square, 7)
    doomed = executor.submit(die_mid_task)
    waiting = executor.submit(square, 3)  # queued behind the two: no worker is free
    print("the task that ended its worker:", outcome(doomed))
    print("the bystander in the other worker:", outcome(bystander))
    print("the task still waiting:", outcome(waiting))

    error = doomed.exception()
    print("a BrokenProcessPool:", isinstance(error, BrokenProcessPool))
    print("its message:")
    print(error)
    try:
        executor.submit(square, 4)
    except TerminatedWorkerError:
        print("submit() to the same executor: raised TerminatedWorkerError")
    # --8<-- [end:killed]

    # --8<-- [start:rebuild]
    # The broken executor is not reused:
    # the next call starts a new one, with new workers.
    fresh = get_reusable_executor(max_workers=2)
    print("get_reusable_executor() again, a new executor:", fresh is not executor)
    print("its tasks run:", list(fresh.map(square, range(6))))
    fresh.shutdown(kill_workers=True)
    # --8<-- [end:rebuild]


if __name__ == "__main__":
    main()
