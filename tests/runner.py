"""Run a script or shell command the way a reader would: a fresh interpreter, a bounded runtime.

Each run gets its own session, so a timeout kills every process it started, and any process still
alive after the run ends (an orphaned worker, a forgotten server) is reported as a leftover. The
process table is read with psutil, the one reader the tests and the benchmark harness share.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tests.catalog import ROOT

_SITECUSTOMIZE_DIR = Path(__file__).resolve().parent / "start_method"


@dataclass
class Run:
    """What a finished run printed, and any processes it left behind."""

    returncode: int
    stdout: str
    stderr: str
    leftovers: list[str] = field(default_factory=list)


def script_env(start_method: str | None = None, warnings: str | None = "default") -> dict[str, str]:
    """The environment of a run: this interpreter first on PATH, the start method forced."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("PYTHONSTARTUP", None)
    if warnings:
        env["PYTHONWARNINGS"] = warnings  # show every warning once, so the tests see them
    if start_method:
        env["FVM_START_METHOD"] = start_method
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(_SITECUSTOMIZE_DIR), env.get("PYTHONPATH")) if p
        )
    return env


def run(
    command: list[str] | str,
    *,
    start_method: str | None = None,
    timeout: float = 60,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
) -> Run:
    """Run a command (a shell line if a str) to completion, failing the test if it overruns."""
    shell = isinstance(command, str)
    proc = subprocess.Popen(
        command,
        shell=shell,
        executable="/bin/bash" if shell and os.name == "posix" else None,
        cwd=cwd,
        env=env if env is not None else script_env(start_method),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    _live_runs.add(proc)
    descendants = _Descendants(proc.pid)
    try:
        stdout, stderr = descendants.communicate(proc, timeout)
    except subprocess.TimeoutExpired:
        _kill(proc, descendants.seen)
        stdout, stderr = proc.communicate()
        pytest.fail(
            f"{command!r} timed out after {timeout} s and was killed with its children.\n"
            f"--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
            pytrace=False,
        )
    except BaseException:  # Ctrl-C or SIGTERM to pytest: the run's own processes would outlive it
        _kill(proc, descendants.seen)
        raise
    finally:
        _live_runs.discard(proc)
    return Run(proc.returncode, stdout, stderr, _reap_leftovers(proc.pid, descendants.seen))


class _Descendants:
    """The processes a run started. On POSIX its session finds them, even re-parented daemons;
    Windows has no sessions, so the tree is sampled while the run goes on."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.seen: set[psutil.Process] = set()

    def communicate(self, proc: subprocess.Popen, timeout: float) -> tuple[str, str]:
        if os.name == "posix":
            return proc.communicate(timeout=timeout)
        deadline = time.monotonic() + timeout
        while True:
            self.sample()
            try:
                return proc.communicate(timeout=min(0.2, max(0.0, deadline - time.monotonic())))
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    raise

    def sample(self) -> None:
        with contextlib.suppress(psutil.Error):
            self.seen |= set(psutil.Process(self.pid).children(recursive=True))


def started_by(
    session_or_pid: int, known: set[psutil.Process] = frozenset()
) -> list[psutil.Process]:
    """The live processes of a run: those in its session (POSIX), or those it was seen to start."""
    if os.name == "posix":
        found = []
        for process in psutil.process_iter(["status"]):
            with contextlib.suppress(psutil.Error, OSError):
                alive = process.info["status"] != psutil.STATUS_ZOMBIE
                if alive and os.getsid(process.pid) == session_or_pid:
                    found.append(process)
        return found
    return [p for p in known if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def _describe(process: psutil.Process) -> str:
    try:
        return f"pid {process.pid}: {' '.join(process.cmdline()) or process.name()}"
    except psutil.Error:
        return f"pid {process.pid}: (ended)"


def _reap_leftovers(pid: int, known: set[psutil.Process], grace: float = 5.0) -> list[str]:
    """Processes of the run still alive after a grace period; they are killed."""
    deadline = time.monotonic() + grace
    while (members := started_by(pid, known)) and time.monotonic() < deadline:
        time.sleep(0.05)  # the resource tracker and the forkserver exit shortly after the parent
    leftovers = [_describe(process) for process in members]
    for process in members:
        with contextlib.suppress(psutil.Error):
            process.kill()
    return sorted(leftovers)


def _kill(proc: subprocess.Popen, known: set[psutil.Process]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        for process in [*known, psutil.Process(proc.pid)]:
            with contextlib.suppress(psutil.Error):
                process.kill()


# Runs still going when pytest stops are killed with all their processes. This module is also a
# pytest plugin (`-p tests.runner` in pyproject.toml) so that it can do that for every test.
_live_runs: set[subprocess.Popen] = set()


def pytest_configure(config: pytest.Config) -> None:
    # SIGTERM (a CI timeout, `kill`) would end pytest at once, leaving every running script's
    # session behind; as KeyboardInterrupt it ends the session through pytest_unconfigure below.
    if hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        with contextlib.suppress(ValueError):  # not the main thread: leave it to the caller
            signal.signal(signal.SIGTERM, _stop_on_sigterm)


def pytest_unconfigure(config: pytest.Config) -> None:
    for proc in list(_live_runs):
        _kill(proc, set())


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
