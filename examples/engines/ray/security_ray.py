"""Who can join a Ray cluster with token authentication: whoever has its token."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["ray"]
# [tool.fvm]
# start-methods = []  # the launch command starts the cluster's processes
# network = true  # its sockets, and the cluster's, must stay on 127.0.0.1
# # but Ray's dashboard asks the cloud metadata address which cloud it runs
# # on, even with usage statistics off (docs/engines/ray.md)
# connects-to = ["169.254.169.254:80"]
# launch = ["bash examples/engines/ray/ray_cluster.sh python {script}"]
# ///

import os
import subprocess
import sys
import tempfile

# --8<-- [start:client]
# A client in a fresh interpreter: Ray reads the token settings once, when it
# first connects.
CLIENT = """
import sys
import ray

try:
    ray.init(address=sys.argv[1], logging_level="error")
except Exception as error:
    first = str(error).split(" at ")[0].split(". ")[0]  # no address, one sentence
    print(f"refused, {type(error).__name__}: {first}")
else:
    print("connected, ran a task:", ray.get(ray.remote(lambda: 6 * 7).remote()))
    ray.shutdown()
"""
REFUSAL = "InvalidAuthToken: Authentication token is missing or incorrect"


def try_client(label: str, address: str, **settings: str | None) -> None:
    """Connect with ray_cluster.sh's environment but these settings (None: unset)."""
    # A refused client gives up after 2 tries, one a second, not 20 (node.py).
    env = dict(os.environ, RAY_gcs_server_port_wait_time_s="2")
    for name, value in settings.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    command = [sys.executable, "-c", CLIENT, address]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    print(f"  {label}: {result.stdout.strip()}")
    if REFUSAL in result.stderr:  # the head node's answer, in the client's log
        print(f"    the head node answered: {REFUSAL}")


# --8<-- [end:client]


def main() -> None:
    address = sys.argv[1]
    with tempfile.TemporaryDirectory() as scratch:
        # A home folder without .ray/auth_token, where Ray looks for a token
        # when none is given.
        home = {"HOME": scratch, "RAY_AUTH_TOKEN": None, "RAY_AUTH_TOKEN_PATH": None}
        # --8<-- [start:tries]
        print("RAY_AUTH_MODE=token on the cluster")
        try_client("a client with the cluster's token", address)
        try_client("a client with another token", address, RAY_AUTH_TOKEN="0" * 32)
        try_client("a client with RAY_AUTH_MODE=token and no token", address, **home)
        try_client(
            "a client without RAY_AUTH_MODE", address, RAY_AUTH_MODE=None, **home
        )
        # --8<-- [end:tries]


if __name__ == "__main__":
    main()
