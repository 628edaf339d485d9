"""The checks that every example run makes can fail: standing negative controls.

Each test gives the run machinery (tests/runner.py, tests/dev_shm.py, tests/catalog.py) a small
script that does the wrong thing, and expects it to be caught.
"""

from __future__ import annotations

import sys
from ipaddress import ip_address
from pathlib import Path

import pytest

from tests import dev_shm
from tests.catalog import Example
from tests.sockets import Socket, SocketSamples

LEAVES_A_PROCESS = """
import subprocess
subprocess.Popen(["sleep", "30"], start_new_session=False)
"""
LEAVES_A_SEMAPHORE = """
import _multiprocessing
_multiprocessing.SemLock(1, 1, 1, "/fvm-negative-control", False)
"""


def run_script(tmp_path: Path, source: str) -> dev_shm.Isolated:
    script = tmp_path / "wrong.py"
    script.write_text(source)
    return dev_shm.run_isolated([sys.executable, str(script)], start_method="spawn", timeout=20)


@pytest.mark.skipif(sys.platform == "win32", reason="uses sleep")
def test_a_process_left_running_is_caught(tmp_path: Path) -> None:
    result = run_script(tmp_path, LEAVES_A_PROCESS)
    assert any("sleep 30" in line for line in result.run.leftovers), result.run.leftovers


@pytest.mark.skipif(not dev_shm.available(), reason="needs Linux's /dev/shm")
def test_a_semaphore_left_in_dev_shm_is_caught(tmp_path: Path) -> None:
    result = run_script(tmp_path, LEAVES_A_SEMAPHORE)
    try:
        assert result.leaked is not None
        assert "sem.fvm-negative-control" in result.leaked
    finally:
        Path("/dev/shm/sem.fvm-negative-control").unlink(missing_ok=True)  # shared /dev/shm only


def test_the_most_specific_golden_wins(tmp_path: Path) -> None:
    script = tmp_path / "topic_futures.py"
    script.write_text("")
    for name in ["topic.out", "topic.py312.out", "topic.spawn.out", "topic_futures.py313.out"]:
        (tmp_path / name).write_text(name)
    example = Example(script)
    assert example.golden("fork", (3, 11)).path.name == "topic.out"
    assert example.golden("spawn", (3, 11)).path.name == "topic.spawn.out"
    assert example.golden("fork", (3, 12)).path.name == "topic.py312.out"
    assert example.golden("spawn", (3, 12)).path.name == "topic.py312.out"
    assert example.golden("spawn", (3, 13)).path.name == "topic_futures.py313.out"


def test_only_the_declared_far_end_may_be_off_loopback() -> None:
    def connection(address: str, port: int) -> Socket:
        return Socket(
            "tcp", (ip_address("192.0.2.2"), 40000), (ip_address(address), port), False, "x"
        )

    samples = SocketSamples(sockets={connection("169.254.169.254", 80), connection("10.0.0.1", 80)})
    known = frozenset({"169.254.169.254:80"})
    assert [s for s in samples.off_loopback(known) if "169.254.169.254" in s] == []
    assert any("10.0.0.1:80" in s for s in samples.off_loopback(known))
    assert len(samples.off_loopback()) == 2  # nothing declared: both are reported
