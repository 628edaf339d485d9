"""What the engine pages say about MPI's worker count holds (the engine examples themselves run
through their pages: tests/codeblocks.py, with every socket checked to stay on loopback)."""

from __future__ import annotations

import sys
from importlib import metadata

import pytest

from tests.runner import run, script_env
from tests.sockets import watching_sockets

COUNT_WORKERS = """
from mpi4py.futures import MPIPoolExecutor

with MPIPoolExecutor() as executor:
    print(executor.num_workers)
"""


def _installed(*names: str) -> bool:
    try:
        for name in names:
            metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.engines
@pytest.mark.xdist_group("clusters")
@pytest.mark.skipif(not _installed("mpi4py", "mpich"), reason="needs mpi4py and mpich")
@pytest.mark.parametrize(("max_workers", "expected"), [(None, 1), ("2", 2)])
def test_mpi_pool_executor_starts_one_worker_without_a_universe_size(
    max_workers: str | None, expected: int
) -> None:
    """gforker sets no universe size: only MPI4PY_FUTURES_MAX_WORKERS raises the default of 1."""
    env = script_env()
    env["UCX_NET_DEVICES"] = "lo"  # keep MPICH's transport on loopback, as the MPI page does
    if max_workers:
        env["MPI4PY_FUTURES_MAX_WORKERS"] = max_workers
    with watching_sockets() as samples:
        result = run(["mpiexec.gforker", "-n", "1", sys.executable, "-c", COUNT_WORKERS], env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert not result.leftovers
    assert samples.off_loopback() == []
    assert int(result.stdout) == expected
