"""Kill the parent of a multiprocessing.Pool: its workers end after their task.

Each finds the pipe to its parent broken.
"""

# /// script
# [tool.fvm]
# platforms = ["linux", "darwin"]  # POSIX signals and ps
# ///

import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.pool import ThreadPool


def task(x: int) -> int:
    # Tell the script that watches which worker
    # runs a task (one write: lines never mix).
    os.write(sys.stdout.fileno(), f"task started in worker {os.getpid()}\n".encode())
    time.sleep(1)
    return x


# --8<-- [start:watch]
def exit_with_parent() -> None:
    """Worker initializer: end this worker as soon as its parent process is gone."""
    # Ready once the parent has exited.
    sentinel = multiprocessing.parent_process().sentinel
    threading.Thread(target=exit_when_ready, args=(sentinel,), daemon=True).start()


def exit_when_ready(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)  # stop the running task too: nobody is left to take its result


# --8<-- [end:watch]


def doomed_parent(watch: bool) -> None:
    """The program that gets killed while its two workers run tasks."""
    # --8<-- [start:doomed]
    pool = multiprocessing.Pool(
        processes=2, initializer=exit_with_parent if watch else None
    )
    # The workers take two, the others wait.
    pool.map_async(task, range(4), chunksize=1)
    # --8<-- [end:doomed]
    time.sleep(10)  # killed long before this ends


def alive(pids: set[int]) -> int:
    """How many of these processes still run.

    A zombie has exited: it only waits to be reaped.
    """
    states = [
        subprocess.run(
            ["ps", "-o", "stat=", "-p", str(pid)],
            capture_output=True,
            text=True,
            check=False,
        )
        for pid in pids
    ]
    return sum(state.stdout.strip()[:1] not in ("", "Z") for state in states)


def kill_parent(signum: signal.Signals, watch: bool) -> list[str]:
    """Start the doomed program, kill it once both workers run a task, watch them."""
    parent = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--doomed-parent",
            "watch" if watch else "no-watch",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: set[int] = set()
    while len(workers) < 2:
        line = parent.stdout.readline()
        if not line:
            raise RuntimeError(
                f"the doomed parent ended early: {parent.stderr.read()}"
            )
        workers.add(int(line.split()[-1]))
    parent.send_signal(signum)
    parent.wait()
    time.sleep(0.4)
    soon = alive(workers)
    time.sleep(1.4)
    report = [
        f"parent killed by {signum.name}{', workers watch it' if watch else ''}",
        f"  workers alive 0.4 s later: {soon}",
        f"  workers alive 1.8 s later (their tasks took 1 s): {alive(workers)}",
    ]
    for pid in workers:  # clean up what the killed program left behind
        if alive({pid}):
            os.kill(pid, signal.SIGKILL)
    # Every process of the killed program writes to these pipes:
    # their end means all have exited (the resource tracker too,
    # which removes what the killed parent left in /dev/shm).
    _, stderr = parent.communicate(timeout=10)
    errors = sorted(
        {match[1] for match in re.finditer(r"^(\w+Error)\b", stderr, re.MULTILINE)}
    )
    report.append(f"  errors the workers printed: {', '.join(errors) or 'none'}")
    return report


def main() -> None:
    # The program this script starts, then kills.
    if sys.argv[1:2] == ["--doomed-parent"]:
        doomed_parent(watch=sys.argv[2] == "watch")
        return
    scenarios = [
        (signal.SIGKILL, False),
        (signal.SIGTERM, False),
        (signal.SIGKILL, True),
    ]
    with ThreadPool(3) as threads:  # the three at once, to save time
        for report in threads.starmap(kill_parent, scenarios):
            print(*report, sep="\n")


if __name__ == "__main__":
    main()
