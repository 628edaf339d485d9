"""Factorize numbers on a running Ray cluster, joined with ray.init(address)."""

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

# --8<-- [start:imports]
import os
import socket
import sys

# Before Ray is imported: on Linux, Ray replaces 127.0.0.1 in an address with
# the machine's network address, where a cluster started with this setting
# does not listen. ray_cluster.sh sets it too.
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")

import ray
from ray.util.multiprocessing import Pool

# --8<-- [end:imports]

# Semiprimes with factors near 1.5 and 2.5 million:
# each takes tens of milliseconds to split.
NUMBERS = [
    3750031000063,
    3750088000513,
    3750176002009,
    3750184002193,
    3750218003149,
    3750274004941,
    3750308006177,
    3750328007081,
    3750416011009,
    3750458013221,
    3750544019177,
    3750571021147,
    3750592022657,
    3750614024453,
    3750658028237,
    3750712033441,
]


def factorize(n: int) -> list[int]:
    """Return the prime factors of n in ascending order, by naive trial division."""
    factors = []
    divisor = 2
    while divisor * divisor <= n:
        while n % divisor == 0:
            factors.append(divisor)
            n //= divisor
        divisor += 1 if divisor == 2 else 2
    if n > 1:
        factors.append(n)
    return factors


def report(numbers: list[int], results: list[list[int]]) -> None:
    for n, factors in zip(numbers, results, strict=True):
        print(f"{n} = {' * '.join(map(str, factors))}")


# --8<-- [start:run]
def require_cluster(address: str) -> None:
    """Exit with one line if nothing answers at the head node's address."""
    host, port = address.rsplit(":", 1)
    # ray.init() would keep retrying for tens of seconds, logging to stderr.
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError:
        sys.exit(
            f"No Ray head node at {address}. Start one first:"
            f" ray start --head --port {port}"
        )


def main() -> None:
    # The head node's address: the first argument,
    # or the port `ray start --head` uses by default.
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:6379"
    require_cluster(address)
    with ray.init(address=address, logging_level="warning"), Pool() as pool:
        results = pool.map(factorize, NUMBERS)
    report(NUMBERS, results)


# --8<-- [end:run]


if __name__ == "__main__":
    main()
