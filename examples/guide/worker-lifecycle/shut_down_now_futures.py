"""Stop a ProcessPoolExecutor's workers at once: terminate_workers() (3.14+)."""

# /// script
# requires-python = ">=3.14"
# ///
import platform
import sys
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor

# terminate_workers() is new in 3.14: an older Python would
# submit the 60-second tasks, fail with a bare AttributeError,
# then wait minutes for them at exit. Say what this script needs instead.
if sys.version_info < (3, 14):
    print(
        "this example needs Python 3.14 or newer"
        " (ProcessPoolExecutor.terminate_workers);"
        f" this is {platform.python_version()}",
        file=sys.stderr,
    )
    sys.exit(2)


def stuck(n: int) -> int:
    time.sleep(60)  # stands in for a task that would run far too long
    return n


def main() -> None:
    executor = ProcessPoolExecutor(max_workers=2)
    futures = [executor.submit(stuck, n) for n in range(6)]
    # SIGTERM to every worker (kill_workers() sends SIGKILL),
    # then shutdown(wait=False, cancel_futures=True):
    # tasks not yet started are cancelled, running ones fail.
    executor.terminate_workers()
    outcomes = set()
    for future in futures:
        try:
            outcomes.add(type(future.exception(timeout=10)).__name__)
        except CancelledError:
            outcomes.add("cancelled")
    # Which queued tasks were cancelled and which
    # failed depends on timing; none is left waiting.
    print("first task raised:", type(futures[0].exception()).__name__)
    print("every task ended:", outcomes <= {"BrokenProcessPool", "cancelled"})


if __name__ == "__main__":
    main()
