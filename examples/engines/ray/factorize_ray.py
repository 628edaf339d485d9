"""Factorize numbers in a local Ray cluster: ray.util.multiprocessing.Pool.map."""

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

# --8<-- [start:imports]
import os
import secrets
import tempfile

# Before Ray is imported: bind every Ray service to 127.0.0.1 (on Linux, Ray
# otherwise listens on all interfaces and on the machine's network address) and send
# no usage statistics.
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
os.environ["RAY_AUTH_MODE"] = "token"
os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(16)

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
def main() -> None:
    # Always a new local cluster with two CPUs, and its session files in a folder
    # removed afterwards.
    with (
        tempfile.TemporaryDirectory() as scratch,
        ray.init(
            address="local",
            num_cpus=2,
            include_dashboard=False,
            _temp_dir=scratch,
            logging_level="warning",
        ),
        Pool() as pool,
    ):
        results = pool.map(factorize, NUMBERS)
    report(NUMBERS, results)


# --8<-- [end:run]


if __name__ == "__main__":
    main()
