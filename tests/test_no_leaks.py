"""No example leaves a named semaphore or shared-memory segment behind in /dev/shm.

Under spawn and forkserver every multiprocessing lock, queue and `SharedMemory` block is a file in
/dev/shm (`sem.mp-*`, `psm_*`), removed by its owner or, if the owner is killed, by the resource
tracker, which then warns on stderr. Each example runs once under spawn (fork unlinks semaphores at
once, so it would show nothing); the runner already fails a run that leaves a process behind.

Other tests run at the same time under xdist, so the script gets a /dev/shm of its own where the
kernel allows it: a fresh tmpfs in a private mount namespace (`unshare`), listed once every process
of the script has exited. Where it does not (no user namespaces), the check falls back to the
shared /dev/shm and counts an entry as leaked if it appeared during the run, is still there after a
grace period, and no live process maps it or holds it open. That fallback cannot miss a leak, but
it may blame this script for one made at the same moment by another test; the message says so.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.examples_catalog import why_it_cannot_run_here
from tests.runner import ROOT, run
from tests.test_examples import SCRIPT_TIMEOUT, SCRIPTS

SHM = Path("/dev/shm")
GRACE = 2.0  # seconds for the entries of other, still running tests to go away

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not SHM.is_dir(), reason="needs Linux's /dev/shm"
)

# Runs inside the namespaces: a private /dev/shm, the script, then a wait (at most 5 s) until the
# script's last process (the resource tracker cleans up after its parent) has exited.
IN_NAMESPACE = """
mount -t tmpfs -o size=64m tmpfs /dev/shm || exit 97
"$1" "$2"; rc=$?
for _ in $(seq 100); do set -- /proc/[0-9]*; [ $# -le 1 ] && break; sleep 0.05; done
echo "@@ processes still running: $(($# - 1))"
echo "@@ /dev/shm:" $(ls -A /dev/shm)
exit $rc
"""


@functools.cache
def unshare_flags() -> list[str] | None:
    """Flags that give a private /dev/shm and process table here, or None if none work."""
    for flags in (["--mount"], ["--user", "--map-root-user", "--mount"]):
        flags = ["unshare", *flags, "--pid", "--fork", "--mount-proc"]
        try:
            probe = subprocess.run(
                [*flags, "sh", "-c", "mount -t tmpfs tmpfs /dev/shm"],
                capture_output=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        if probe.returncode == 0:
            return flags
    return None


def leaks_in_private_shm(script: Path, flags: list[str]) -> list[str]:
    command = [*flags, "bash", "-c", IN_NAMESPACE, "bash", sys.executable, str(script)]
    result = run(command, start_method="spawn", timeout=SCRIPT_TIMEOUT + 10)
    assert result.returncode != 97, "could not mount a private /dev/shm"
    report = dict(
        line[3:].split(":", 1) for line in result.stdout.splitlines() if line[:3] == "@@ "
    )
    assert report["processes still running"].strip() == "0", "the script left processes running"
    assert "resource_tracker" not in result.stderr, f"leaked, then cleaned up:\n{result.stderr}"
    return report["/dev/shm"].split()


def shm_entries() -> set[str]:
    return {entry.name for entry in SHM.iterdir()}


def held_by_a_live_process(names: set[str]) -> set[str]:
    """The names some process still maps (a semaphore) or holds open (a shared-memory fd)."""
    paths = {str(SHM / name): name for name in names}
    held = set()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            maps = (proc / "maps").read_text()
            fds = [str(fd.readlink()) for fd in (proc / "fd").iterdir()]
        except OSError:
            continue  # the process ended, or is not ours to read
        held |= {name for path, name in paths.items() if path in maps or path in fds}
    return held


def leaks_in_shared_shm(script: Path) -> list[str]:
    before = shm_entries()
    result = run([sys.executable, str(script)], start_method="spawn", timeout=SCRIPT_TIMEOUT)
    assert not result.leftovers, f"left processes running: {result.leftovers}"
    assert "resource_tracker" not in result.stderr, f"leaked, then cleaned up:\n{result.stderr}"
    deadline = time.monotonic() + GRACE
    while True:
        new = shm_entries() - before
        unowned = new - held_by_a_live_process(new)
        if not unowned or time.monotonic() > deadline:
            return sorted(unowned)
        time.sleep(0.1)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_example_leaves_nothing_in_dev_shm(script: Path) -> None:
    reason = why_it_cannot_run_here(script)
    if reason:
        pytest.skip(reason)
    relative = script.relative_to(ROOT)
    flags = unshare_flags()
    if flags:
        assert leaks_in_private_shm(relative, flags) == [], "left these in its own /dev/shm"
    else:
        leaked = leaks_in_shared_shm(relative)
        assert leaked == [], (
            f"{leaked} appeared in {SHM} during the run and nothing alive holds them; without a"
            " private /dev/shm, a test running at the same time may have left them: rerun alone"
        )
