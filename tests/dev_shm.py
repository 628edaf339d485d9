"""Run a command with a /dev/shm of its own, and say what it left there and which processes it left.

Under spawn and forkserver every multiprocessing lock, queue and `SharedMemory` block is a file in
/dev/shm (`sem.mp-*`, `psm_*`), removed by its owner or, if the owner is killed, by the resource
tracker. Other tests run at the same time, so where the kernel allows it the command gets a fresh
tmpfs in private mount and PID namespaces (`unshare`), listed once its last process has exited.
Where it does not (no user namespaces, as on some CI runners), the shared /dev/shm is compared
before and after: an entry counts as leaked if it appeared during the run, is still there after a
grace period, and no live process holds it. That cannot miss a leak, but it may blame the command
for one made at the same moment by another test; the message says so.
"""

from __future__ import annotations

import contextlib
import functools
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from tests.runner import Run, run

SHM = Path("/dev/shm")
GRACE = 2.0  # seconds for the entries of other, still running tests to go away
MOUNT_FAILED = 97

# Runs as PID 1 of the new namespaces: a private /dev/shm, the command, then a wait (at most 5 s)
# for the command's last process to exit (the resource tracker cleans up after its parent), and a
# report of what is still there. When this shell exits, the kernel kills anything left.
IN_NAMESPACE = """
mount -t tmpfs -o size=64m tmpfs /dev/shm || exit 97
report=$1; shift
"$@"; rc=$?
for _ in $(seq 100); do set -- /proc/[0-9]*; [ $# -le 1 ] && break; sleep 0.05; done
for p in /proc/[0-9]*; do
  [ "$p" = /proc/1 ] || echo "process: pid ${p#/proc/}: $(tr '\\0' ' ' < "$p/cmdline")"
done > "$report"
for f in /dev/shm/* /dev/shm/.[!.]*; do [ -e "$f" ] && echo "shm: ${f#/dev/shm/}"; done >> "$report"
exit $rc
"""


@dataclass
class Isolated:
    """A finished run, with what it left in /dev/shm (None where that cannot be checked here)."""

    run: Run
    leaked: list[str] | None
    note: str = ""


def available() -> bool:
    return sys.platform.startswith("linux") and SHM.is_dir()


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


def run_isolated(argv: list[str], *, start_method: str | None, timeout: float) -> Isolated:
    """Run argv and report what it left in /dev/shm and which of its processes outlived it."""
    if not available():
        return Isolated(run(argv, start_method=start_method, timeout=timeout), None)
    flags = unshare_flags()
    if flags is None:
        return _run_with_shared_shm(argv, start_method, timeout)
    with tempfile.TemporaryDirectory(prefix="shm-report-") as folder:
        report = Path(folder) / "report"
        command = [*flags, "bash", "-c", IN_NAMESPACE, "bash", str(report), *argv]
        result = run(command, start_method=start_method, timeout=timeout)
        assert result.returncode != MOUNT_FAILED, "could not mount a private /dev/shm"
        lines = report.read_text().splitlines() if report.exists() else []
    result.leftovers += [line.removeprefix("process: ") for line in lines if line[:8] == "process:"]
    leaked = [line.removeprefix("shm: ") for line in lines if line[:4] == "shm:"]
    return Isolated(result, leaked)


def _entries() -> set[str]:
    return {entry.name for entry in SHM.iterdir()}


def _held_by_a_live_process(names: set[str]) -> set[str]:
    """The names some process still maps (a semaphore) or holds open (a shared-memory fd)."""
    paths = {str(SHM / name): name for name in names}
    held = set()
    for process in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            used = {f.path for f in process.open_files()} | {m.path for m in process.memory_maps()}
            held |= {name for path, name in paths.items() if path in used}
    return held


def _run_with_shared_shm(argv: list[str], start_method: str | None, timeout: float) -> Isolated:
    before = _entries()
    result = run(argv, start_method=start_method, timeout=timeout)
    deadline = time.monotonic() + GRACE
    while True:
        new = _entries() - before
        unowned = new - _held_by_a_live_process(new)
        if not unowned or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    note = (
        f"without a private {SHM}, a test running at the same time may have left these: rerun alone"
    )
    return Isolated(result, sorted(unowned), note)
