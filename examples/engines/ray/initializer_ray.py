"""Show that Ray's Pool initializer sets a global that its tasks do not read."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["ray"]
# [tool.fvm]
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# # but Ray's dashboard asks the cloud metadata address which cloud it runs on,
# # even with usage statistics off (docs/engines/ray.md, "What connects where")
# connects-to = ["169.254.169.254:80"]
# ///

import multiprocessing
import os
import secrets
import tempfile

# Before Ray is imported: loopback only, no usage statistics (see factorize_ray.py).
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
os.environ["RAY_AUTH_MODE"] = "token"
os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(16)

import ray
import ray.util.multiprocessing

GREETING = "unset"


def set_greeting(text: str) -> None:
    """Run once in each worker when it starts."""
    global GREETING
    GREETING = text


def greet(name: str) -> str:
    return f"{GREETING}, {name}"


def main() -> None:
    names = ["Ada", "Grace"]
    # --8<-- [start:initializer]
    with multiprocessing.Pool(
        2, initializer=set_greeting, initargs=("hello",)
    ) as pool:
        print("multiprocessing.Pool:", pool.map(greet, names))
    with (
        tempfile.TemporaryDirectory() as scratch,
        ray.init(
            address="local",
            num_cpus=2,
            include_dashboard=False,
            _temp_dir=scratch,
            logging_level="warning",
        ),
        ray.util.multiprocessing.Pool(
            2, initializer=set_greeting, initargs=("hello",)
        ) as pool,
    ):
        print("ray.util.multiprocessing.Pool:", pool.map(greet, names))
    # --8<-- [end:initializer]


if __name__ == "__main__":
    main()
