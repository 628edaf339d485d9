"""Factorize numbers on a local Dask cluster through Client.get_executor()."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["dask[distributed]"]
# [tool.fvm]
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# ///

# --8<-- [start:imports]
import logging
import tempfile

from dask.distributed import Client, LocalCluster

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
    # Two worker processes on this machine;
    # every server binds the loopback address only.
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
        client.get_executor() as executor,
    ):
        results = list(executor.map(factorize, NUMBERS))
    report(NUMBERS, results)


# --8<-- [end:run]


if __name__ == "__main__":
    main()
