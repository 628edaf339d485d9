"""Factorize numbers in MPI processes with mpi4py.util.pool.Pool.map."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["mpi4py", "mpich"]
# [tool.fvm]
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# launch = [
#   "UCX_NET_DEVICES=lo mpiexec.gforker -n 3 python -m mpi4py.futures {script}",
#   # A backslash at the end of a line joins it to the next (TOML strings).
#   """UCX_NET_DEVICES=lo MPI4PY_FUTURES_MAX_WORKERS=2 \
#   mpiexec.gforker -n 1 python {script}""",
# ]
# ///

import os
import sys

# --8<-- [start:imports]
from mpi4py.util.pool import Pool

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


# --8<-- [start:launcher]
# A launcher tells each process where it belongs in the job through its environment:
# MPICH's mpiexec through PMI_FD or PMI_PORT, Open MPI's through
# OMPI_COMM_WORLD_SIZE. Without one, the first spawn waits for an mpiexec that MPICH
# tries to start itself, and may wait forever.
LAUNCHER_VARIABLES = ("PMI_FD", "PMI_PORT", "OMPI_COMM_WORLD_SIZE")


def require_launcher() -> None:
    """Exit with the command to run if no MPI launcher started this process."""
    if not any(name in os.environ for name in LAUNCHER_VARIABLES):
        # The command as a shell reads it: a backslash joins its two lines.
        sys.exit(
            "Start this script with an MPI launcher:\n"
            "  UCX_NET_DEVICES=lo mpiexec.gforker -n 3 \\\n"
            f"      python -m mpi4py.futures {sys.argv[0]}"
        )


# --8<-- [end:launcher]


# --8<-- [start:run]
def main() -> None:
    require_launcher()
    # As many workers as MPI provides; map() waits for every result, in input order.
    with Pool() as pool:
        results = pool.map(factorize, NUMBERS)
    report(NUMBERS, results)


# --8<-- [end:run]


if __name__ == "__main__":
    main()
