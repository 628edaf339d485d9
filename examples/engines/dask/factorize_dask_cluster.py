"""Factorize numbers on a running Dask cluster, connected to by Client(address)."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["dask[distributed]"]
# [tool.fvm]
# start-methods = []  # the cluster's processes are started by the launch command
# network = true  # its sockets, and the cluster's, must stay on 127.0.0.1
# launch = ["bash examples/engines/dask/dask_cluster.sh python {script}"]
# ///

# --8<-- [start:imports]
import sys

from dask.distributed import Client, as_completed

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
def connect(address: str) -> Client:
    """A client of the scheduler at address; exits with one line if none answers."""
    try:
        return Client(address, timeout="5s")
    except OSError:
        port = address.rsplit(":", 1)[-1]
        sys.exit(
            f"No Dask scheduler answered at {address} within 5 s. Start one first:"
            f" dask scheduler --host 127.0.0.1 --port {port}"
        )


def main() -> None:
    # The scheduler's address: the first argument,
    # or the port `dask scheduler` listens on by default.
    address = sys.argv[1] if len(sys.argv) > 1 else "tcp://127.0.0.1:8786"
    with connect(address) as client:
        futures = {client.submit(factorize, n): n for n in NUMBERS}
        factors = {
            futures[future]: future.result() for future in as_completed(futures)
        }
    report(NUMBERS, [factors[n] for n in NUMBERS])


# --8<-- [end:run]


if __name__ == "__main__":
    main()
