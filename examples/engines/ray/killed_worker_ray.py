"""What ray.get() raises when a worker dies mid-task, after max_retries retries."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["ray"]
# [tool.fvm]
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# # but Ray's dashboard asks the cloud metadata address which cloud it runs
# # on, even with usage statistics off (docs/engines/ray.md)
# connects-to = ["169.254.169.254:80"]
# ///

import contextlib
import io
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

# Before Ray is imported, as in factorize_ray.py: loopback only, a token for
# this run, no usage statistics.
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
os.environ["RAY_AUTH_MODE"] = "token"
os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(16)

import ray
from ray.exceptions import WorkerCrashedError


@ray.remote
def die_mid_task(log: Path) -> None:
    """Note the attempt, work a moment, then end this worker process abruptly."""
    with log.open("a") as file:
        file.write("attempt\n")
    time.sleep(0.5)
    # No exception and no cleanup, as when the out-of-memory killer sends SIGKILL.
    os._exit(1)


@ray.remote
def square(x: int) -> int:
    return x * x


@ray.remote
def slow_square(x: int) -> int:
    time.sleep(2)  # still running when the other task kills its own worker
    return x * x


def say(*words: object) -> None:
    """Print to the terminal, also while main() sends sys.stdout elsewhere."""
    print(*words, file=sys.__stdout__, flush=True)


def outcome(ref: ray.ObjectRef) -> str:
    try:
        return f"returned {ray.get(ref, timeout=60)}"
    except WorkerCrashedError as error:
        return f"raised WorkerCrashedError: {error}"


def main() -> None:
    # Ray's driver prints each worker death to sys.stdout from a thread of its
    # own, as "(raylet) A worker died ..." with IDs and ports, whatever
    # log_to_driver says (listen_error_messages in ray/_private/worker.py); no
    # setting turns it off. Send sys.stdout elsewhere while Ray runs, and this
    # script's lines to the terminal with say().
    with (
        tempfile.TemporaryDirectory() as scratch,
        contextlib.redirect_stdout(io.StringIO()),
        ray.init(
            address="local",
            num_cpus=2,
            include_dashboard=False,
            _temp_dir=scratch,
            logging_level="warning",
        ),
    ):
        say("max_retries = 3 (the default for a task); two CPUs")
        log = Path(scratch, "default.log")
        # --8<-- [start:default]
        bystander = slow_square.remote(7)
        doomed = die_mid_task.remote(log)
        say("ray.get()", outcome(doomed))
        say("attempts:", len(log.read_text().splitlines()))
        say("the bystander on the other CPU:", outcome(bystander))
        say(
            "afterwards, new tasks run:",
            ray.get([square.remote(x) for x in range(6)]),
        )
        # --8<-- [end:default]

        say("max_retries = 0")
        log = Path(scratch, "zero.log")
        # --8<-- [start:zero]
        doomed = die_mid_task.options(max_retries=0).remote(log)
        say("ray.get()", outcome(doomed))
        say("attempts:", len(log.read_text().splitlines()))
        # --8<-- [end:zero]


if __name__ == "__main__":
    main()
