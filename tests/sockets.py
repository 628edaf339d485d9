"""Watch the sockets of every process a run starts, and say which ones leave the loopback address.

Examples that start a cluster (Dask, Ray, MPI) must listen and connect on 127.0.0.1 only. While such
a run goes on, a thread samples, every 50 ms, the TCP and UDP sockets and the /dev/shm files of
every process the test started (psutil reads them on Linux, macOS and Windows). A sampler can miss
a socket that lives for less than one interval: the settings each example uses are the real guard,
and this check catches the listeners and connections a cluster keeps open.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tests.runner import started_by

LOOPBACK = {ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")}


def free_loopback_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SHARED_MEMORY = "/dev/shm/"

Address = tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, int]


@dataclass(frozen=True)
class Socket:
    protocol: str
    local: Address
    remote: Address | None
    listening: bool
    owner: str

    @property
    def on_loopback(self) -> bool:
        # A listener's far end is a wildcard; a connection must stay on loopback at both ends.
        ends = [self.local] if self.listening or self.remote is None else [self.local, self.remote]
        return all(address in LOOPBACK for address, _ in ends)

    def __str__(self) -> str:
        local = _format(self.local)
        role = f"listens on {local}" if self.listening else f"{local} -> {_format(self.remote)}"
        return f"{self.protocol} {role} ({self.owner})"


@dataclass
class SocketSamples:
    """What the sampler saw while a run was going on."""

    processes: set[str] = field(default_factory=set)
    sockets: set[Socket] = field(default_factory=set)
    shared_memory: set[Path] = field(default_factory=set)
    error: Exception | None = None

    def off_loopback(self, known: frozenset[str] = frozenset()) -> list[str]:
        """Sockets with an end off the loopback address, but for connections to a `known` far end
        ("address:port") that the example's page names."""
        return sorted(
            str(sock)
            for sock in self.sockets
            if not sock.on_loopback
            and not (sock.remote and not sock.listening and _format(sock.remote) in known)
        )


def _address(end: tuple) -> Address | None:
    if not end:
        return None
    address = ipaddress.ip_address(end[0].split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1 reached over IPv6
    return address, end[1]


def _format(end: Address | None) -> str:
    if end is None:
        return "(none)"
    address, port = end
    return f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"


def started_by_this_test() -> list[psutil.Process]:
    """Processes in a session led by a child of this process, or descended from this process.

    `run()` starts each command in a new session; a process that re-parents itself (a daemon) is
    still in that session, and one that starts its own session is still a descendant.
    """
    me = psutil.Process(os.getpid())
    children = me.children(recursive=True)
    found = {p.pid: p for p in children}
    if os.name == "posix":
        for child in me.children():
            with contextlib.suppress(psutil.Error, OSError):
                if os.getsid(child.pid) == child.pid:
                    found.update({p.pid: p for p in started_by(child.pid)})
    return list(found.values())


def sample_sockets(samples: SocketSamples) -> None:
    """Add the sockets and shared-memory files that this test's processes hold right now."""
    for process in started_by_this_test():
        with contextlib.suppress(psutil.Error):
            owner = f"{process.name()}, pid {process.pid}"
            samples.processes.add(owner)
            for conn in process.net_connections(kind="inet"):
                tcp = conn.type == socket.SOCK_STREAM
                protocol = ("tcp" if tcp else "udp") + (
                    "6" if conn.family == socket.AF_INET6 else ""
                )
                listening = conn.status == psutil.CONN_LISTEN if tcp else not conn.raddr
                local = _address(conn.laddr)
                if local is not None:
                    samples.sockets.add(
                        Socket(protocol, local, _address(conn.raddr), listening, owner)
                    )
            samples.shared_memory |= {
                Path(f.path) for f in process.open_files() if f.path.startswith(SHARED_MEMORY)
            }


@contextlib.contextmanager
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
