"""Show that Dask runs identical calls once, as one task, unless pure=False."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["dask[distributed]"]
# [tool.fvm]
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# ///

import logging
import random
import tempfile

from dask.distributed import Client, LocalCluster


def roll() -> float:
    """A different number on every call: a function that is not pure."""
    return random.random()


def results(futures: tuple) -> str:
    first, second = (future.result() for future in futures)
    return "the same number" if first == second else "two different numbers"


def main() -> None:
    with (
        tempfile.TemporaryDirectory() as scratch,
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            local_directory=scratch,
            # Closing the cluster can race a worker's heartbeat,
            # which then logs a harmless ERROR (dask/distributed#7192);
            # a task's own error still reaches the client as an exception.
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        # --8<-- [start:pure]
        # Dask names a task after its function and arguments:
        # identical calls share one task.
        print(
            "client.submit(roll) twice:",
            results((client.submit(roll), client.submit(roll))),
        )
        futures = client.submit(roll, pure=False), client.submit(roll, pure=False)
        print("client.submit(roll, pure=False) twice:", results(futures))
        # The executor passes the keyword arguments
        # of get_executor() on to every submit().
        with client.get_executor() as executor:
            futures = executor.submit(roll), executor.submit(roll)
            print("get_executor().submit(roll) twice:", results(futures))
        with client.get_executor(pure=False) as executor:
            futures = executor.submit(roll), executor.submit(roll)
            print("get_executor(pure=False).submit(roll) twice:", results(futures))
        # --8<-- [end:pure]


if __name__ == "__main__":
    main()
