"""What Client.submit reports when a worker dies mid-task: KilledWorker.

It raises once the task has killed more workers than allowed-failures.
"""

# /// script
# requires-python = ">=3.10"
# dependencies = ["dask[distributed]"]
# [tool.fvm]
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# ///

import logging
import os
import tempfile
import time
from pathlib import Path

import dask
from dask.distributed import Client, KilledWorker, LocalCluster


def die_mid_task(log: Path) -> None:
    """Note the attempt, work a moment, then end this worker process abruptly."""
    with log.open("a") as file:
        file.write("attempt\n")
    time.sleep(0.5)
    # No exception and no cleanup, as when the out-of-memory killer sends SIGKILL.
    os._exit(1)


def square(x: int) -> int:
    return x * x


def slow_square(x: int) -> int:
    time.sleep(30)  # still running when the other task kills the worker process
    return x * x


def outcome(future) -> str:
    try:
        return f"returned {future.result(timeout=60)}"
    except KilledWorker as error:
        # The message's first sentence only: the rest names a port.
        return f"raised KilledWorker: {str(error).split('. ')[0]}"


def local_cluster(scratch: str, threads: int) -> LocalCluster:
    return LocalCluster(
        n_workers=2 // threads,
        threads_per_worker=threads,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        local_directory=scratch,
        # The scheduler and the nannies log every death; the client gets the error.
        silence_logs=logging.CRITICAL,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        print("allowed-failures = 3 (the default); two workers, one thread each")
        log = Path(scratch, "default.log")
        # --8<-- [start:default]
        with local_cluster(scratch, threads=1) as cluster, Client(cluster) as client:
            doomed = client.submit(die_mid_task, log, key="die-mid-task")
            print("result()", outcome(doomed))
            print("attempts:", len(log.read_text().splitlines()))
            print(
                "afterwards, new tasks run:",
                client.gather(client.map(square, range(6))),
            )
        # --8<-- [end:default]

        print("allowed-failures = 0; one worker, two threads")
        log = Path(scratch, "zero.log")
        # --8<-- [start:zero]
        # The scheduler reads the setting when it starts.
        with (
            dask.config.set({"distributed.scheduler.allowed-failures": 0}),
            local_cluster(scratch, threads=2) as cluster,
            Client(cluster) as client,
        ):
            bystander = client.submit(slow_square, 7, key="bystander")
            doomed = client.submit(die_mid_task, log, key="die-mid-task")
            print("result()", outcome(doomed))
            print("attempts:", len(log.read_text().splitlines()))
            print("the bystander in the same worker process:", outcome(bystander))
        # --8<-- [end:zero]


if __name__ == "__main__":
    main()
