"""Each cluster engine runs the factorizer on a real local cluster, on loopback only.

Every example under examples/engines/ starts its own cluster (Dask, Ray, MPI or loky), so it runs
here once, as a script in a fresh interpreter, rather than under every start method. While it runs,
a thread samples, every 50 ms, the open files of every process it started (found through /proc):
each TCP or UDP socket must listen on the loopback address or connect loopback to loopback, or the
test fails naming the socket. Then its stdout must match its golden file, its stderr must be empty,
and no process may be left running, nor any file in /dev/shm that one of its processes had open
(an aborted MPI run leaves its mpich_shm_* file there).

A sampler can miss a socket that lives for less than one interval; the settings each example uses
are the real guard, and this test catches the listeners and connections a cluster keeps open.
"""

from __future__ import annotations

import ipaddress
import os
import platform
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.examples_catalog import EXAMPLES, script_metadata
from tests.runner import ROOT, Run, expected_output_file, process_table, run, script_env

pytestmark = [
    pytest.mark.engines,
    # A cluster uses both cores: run the engines one after another on one xdist worker.
    pytest.mark.xdist_group("engines"),
    pytest.mark.skipif(
        not Path("/proc/net/tcp").exists(), reason="the socket check reads Linux's /proc"
    ),
]

ENGINES = EXAMPLES / "engines"
VENV_BIN = Path(sys.executable).parent
TIMEOUT = 120  # Ray alone takes 5-10 s on two busy cores; a hang must still end.
LOOPBACK = {ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")}
SHARED_MEMORY = Path("/dev/shm")

# MPI examples run under the MPICH wheel's `mpiexec.gforker`, which forks the ranks itself and
# opens no port (the default `mpiexec`, hydra, listens on every interface); UCX_NET_DEVICES=lo keeps
# MPICH's transport off the network interface. Two ways to get workers, both tested: three ranks,
# of which mpi4py.futures makes two workers (the command on the page), or one rank that spawns two.
MPI_LAUNCHES = {
    "ranks": (["-n", "3", sys.executable, "-m", "mpi4py.futures"], {}),
    "spawn": (["-n", "1", sys.executable], {"MPI4PY_FUTURES_MAX_WORKERS": "2"}),
}
# Folders whose engine talks over TCP: the sampler must see it listen, or it looked in vain.
NETWORKED = {"dask", "ray", "mpi"}


def command(script: Path, launch: str | None = None) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run an example as its page shows."""
    env = script_env()  # PYTHONWARNINGS=default: any warning reaches stderr and fails the test
    path = str(script.relative_to(ROOT))
    if launch is None:
        return [sys.executable, path], env
    arguments, extra_env = MPI_LAUNCHES[launch]
    env.update(extra_env, UCX_NET_DEVICES="lo")
    return [str(VENV_BIN / "mpiexec.gforker"), *arguments, path], env


def not_installed(packages: list[str]) -> str | None:
    """The first of these distributions that is not installed here, or None."""
    for name in packages:
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return name
    return None


def needs(*packages: str) -> pytest.MarkDecorator:
    """Skip, saying why, where a package cannot be installed for this Python."""
    missing = not_installed(list(packages))
    return pytest.mark.skipif(
        missing is not None,
        reason=f"needs {missing}, which is not installed for Python {platform.python_version()}",
    )


def engine_params() -> list:
    params = []
    for script in sorted(ENGINES.rglob("*.py")):
        # The PEP 723 block names what the script needs: "dask[distributed]" is "dask".
        dependencies = script_metadata(script).get("dependencies", [])
        mark = needs(*(Requirement(dependency).name for dependency in dependencies))
        launches = list(MPI_LAUNCHES) if script.parent.name == "mpi" else [None]
        for launch in launches:
            params.append(
                pytest.param(
                    script,
                    launch,
                    id="-".join(filter(None, [script.parent.name, script.stem, launch])),
                    marks=mark,
                )
            )
    return params


# --- the socket check --------------------------------------------------------------------------


Address = tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, int]


@dataclass(frozen=True)
class Socket:
    protocol: str
    local: Address
    remote: Address
    listening: bool
    owner: str

    @property
    def on_loopback(self) -> bool:
        # A listener's far end is a wildcard; a connection must stay on loopback at both ends.
        ends = [self.local] if self.listening else [self.local, self.remote]
        return all(address in LOOPBACK for address, _ in ends)

    def __str__(self) -> str:
        local, remote = (_format(*end) for end in (self.local, self.remote))
        role = f"listens on {local}" if self.listening else f"{local} -> {remote}"
        return f"{self.protocol} {role} ({self.owner})"


@dataclass
class SocketSamples:
    """What the sampler saw while a run was going on."""

    processes: set[str] = field(default_factory=set)
    sockets: set[Socket] = field(default_factory=set)
    shared_memory: set[Path] = field(default_factory=set)
    error: Exception | None = None

    def off_loopback(self) -> list[str]:
        return sorted(str(sock) for sock in self.sockets if not sock.on_loopback)


def _address(hex_address: str) -> Address:
    """Decode a /proc/net address such as `0100007F:1F90` (host-order words, hex port)."""
    host, port = hex_address.split(":")
    raw = bytes.fromhex(host)
    # The kernel prints each 32-bit word in host byte order: swap every word on little-endian.
    if sys.byteorder == "little":
        raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    address = ipaddress.ip_address(raw)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1 reached over IPv6
    return address, int(port, 16)


def _format(address: ipaddress.IPv4Address | ipaddress.IPv6Address, port: int) -> str:
    return f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"


def _inet_sockets() -> dict[int, tuple[str, Address, Address, bool]]:
    """Every TCP and UDP socket of this network namespace by inode: protocol, ends, listening."""
    sockets = {}
    for protocol in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/net/{protocol}").read_text().splitlines()[1:]
        except OSError:
            continue  # no IPv6 in this kernel
        for line in lines:
            fields = line.split()
            local, remote = _address(fields[1]), _address(fields[2])
            # TCP state 0A is LISTEN; an unconnected UDP socket (no far port) receives from anyone.
            listening = fields[3] == "0A" if protocol.startswith("tcp") else remote[1] == 0
            sockets[int(fields[9])] = (protocol, local, remote, listening)
    return sockets


def _started_by_this_test() -> dict[int, str]:
    """Processes in a session led by a child of this process, or descended from this process.

    `run()` starts each script in a new session; a process that re-parents itself (a daemon) is
    still in that session, and one that starts its own session is still a descendant.
    """
    me = os.getpid()
    table = process_table()
    sessions = {pid for pid, info in table.items() if info.parent == me and info.session == pid}
    chosen = {pid: info.name for pid, info in table.items() if info.session in sessions}
    frontier = set(chosen) | {me}
    while frontier:
        frontier = {
            pid for pid, info in table.items() if info.parent in frontier and pid not in chosen
        }
        chosen.update({pid: table[pid].name for pid in frontier})
    return chosen


def _open_files(pid: int) -> tuple[set[int], set[Path]]:
    """The socket inodes and the shared-memory files (in /dev/shm) a process has open."""
    inodes, shared = set(), set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = str(fd.readlink())
            except OSError:
                continue  # the file was closed while we looked
            if target.startswith("socket:["):
                inodes.add(int(target[8:-1]))
            elif target.startswith(f"{SHARED_MEMORY}/") and not target.endswith(" (deleted)"):
                shared.add(Path(target))
    except OSError:
        pass  # the process ended while we looked
    return inodes, shared


def sample_sockets(samples: SocketSamples) -> None:
    """Add the sockets and shared-memory files that this test's processes hold right now."""
    owned = {}
    for pid, name in _started_by_this_test().items():
        inodes, shared = _open_files(pid)
        owned.update(dict.fromkeys(inodes, f"{name}, pid {pid}"))
        samples.shared_memory |= shared
        samples.processes.add(f"{name} {pid}")
    for inode, (protocol, local, remote, listening) in _inet_sockets().items():
        if inode in owned:
            samples.sockets.add(Socket(protocol, local, remote, listening, owned[inode]))


@contextmanager
def watching_sockets(interval: float = 0.05) -> Iterator[SocketSamples]:
    """Sample the sockets of this test's processes in a thread until the block ends."""
    samples = SocketSamples()
    done = threading.Event()

    def sampler() -> None:
        try:
            while not done.is_set():
                sample_sockets(samples)
                done.wait(interval)
        except Exception as error:  # noqa: BLE001 (re-raised in the test, not lost with the thread)
            samples.error = error

    thread = threading.Thread(target=sampler, name="socket-sampler", daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        done.set()
        thread.join()
    if samples.error is not None:
        raise samples.error


# --- the tests ---------------------------------------------------------------------------------


def run_on_loopback(argv: list[str], env: dict[str, str]) -> tuple[Run, SocketSamples]:
    """Run a command while sampling its sockets; it must succeed quietly, on loopback only."""
    with watching_sockets() as samples:
        result = run(argv, env=env, timeout=TIMEOUT)
    assert result.returncode == 0, f"exit code {result.returncode}\n{result.stderr}"
    assert result.stderr == "", "the command wrote to stderr"
    assert not result.leftovers, "the command left processes running"
    assert samples.processes, "the sampler saw none of the command's processes"
    off_loopback = samples.off_loopback()
    assert off_loopback == [], "sockets off the loopback address:\n" + "\n".join(off_loopback)
    return result, samples


@pytest.mark.parametrize(("script", "launch"), engine_params())
def test_engine_runs_the_example_on_loopback_and_cleans_up(
    script: Path, launch: str | None
) -> None:
    result, samples = run_on_loopback(*command(script, launch))
    expected = expected_output_file(script, None)
    assert result.stdout == expected.read_text(), f"stdout differs from {expected.name}"
    if script.parent.name in NETWORKED:
        assert any(s.listening for s in samples.sockets), "the sampler saw no server listen"
    else:
        assert samples.sockets == set(), "an engine without a network opened a socket"
    # Every process has ended: a file in /dev/shm that one of them had open and nobody removed
    # stays until the machine restarts (an aborted MPI run leaves its mpich_shm_* file).
    leaked = sorted(str(path) for path in samples.shared_memory if path.exists())
    for name in leaked:
        Path(name).unlink(missing_ok=True)  # reported below; don't let them pile up
    assert leaked == [], "the example left shared-memory files behind"


COUNT_WORKERS = """
from mpi4py.futures import MPIPoolExecutor

with MPIPoolExecutor() as executor:
    print(executor.num_workers)
"""


@needs("mpi4py", "mpich")
@pytest.mark.parametrize(("max_workers", "expected"), [(None, 1), ("2", 2)])
def test_mpi_pool_executor_starts_one_worker_without_a_universe_size(
    max_workers: str | None, expected: int
) -> None:
    """gforker sets no universe size: only MPI4PY_FUTURES_MAX_WORKERS raises the default of 1."""
    argv, env = command(ENGINES / "mpi" / "factorize_mpi.py", "spawn")
    env.pop("MPI4PY_FUTURES_MAX_WORKERS")
    if max_workers:
        env["MPI4PY_FUTURES_MAX_WORKERS"] = max_workers
    result, _ = run_on_loopback([*argv[:-1], "-c", COUNT_WORKERS], env)
    assert int(result.stdout) == expected
