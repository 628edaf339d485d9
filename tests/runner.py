"""Run a script or shell command the way a reader would: a fresh interpreter, a bounded runtime.

Each run gets its own session, so a timeout kills every process it started, and any process still
alive after the run ends (an orphaned worker, a forgotten server) is reported as a leftover.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
START_METHODS = ("fork", "spawn", "forkserver")
_SITECUSTOMIZE_DIR = Path(__file__).resolve().parent / "start_method"


@dataclass
class Run:
    """What a finished run printed, and any processes it left behind."""

    returncode: int
    stdout: str
    stderr: str
    leftovers: list[str] = field(default_factory=list)


def start_method_params() -> list:
    """The three start methods as pytest params, skipped (with the reason) where unavailable."""
    available = multiprocessing.get_all_start_methods()
    return [
        pytest.param(
            method,
            id=method,
            marks=pytest.mark.skipif(
                method not in available, reason=f"{method} is not available on {sys.platform}"
            ),
        )
        for method in START_METHODS
    ]


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
    _live_sessions.add(proc)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_session(proc)
        stdout, stderr = proc.communicate()
        pytest.fail(
            f"{command!r} timed out after {timeout} s and was killed with its children.\n"
            f"--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
            pytrace=False,
        )
    except BaseException:  # Ctrl-C or SIGTERM to pytest: the run's own session would outlive it
        _kill_session(proc)
        raise
    finally:
        _live_sessions.discard(proc)
    return Run(proc.returncode, stdout, stderr, _reap_leftovers(proc.pid))


# Runs still going when pytest exits (or is told to stop) are killed with all their processes.
_live_sessions: set[subprocess.Popen] = set()


@atexit.register
def _kill_live_sessions() -> None:
    for proc in list(_live_sessions):
        _kill_session(proc)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # pytest ends the whole session on it, running the clean-up above


if (
    threading.current_thread() is threading.main_thread()
    and hasattr(signal, "SIGTERM")
    and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
):
    signal.signal(signal.SIGTERM, _stop_on_sigterm)


def _kill_session(proc: subprocess.Popen) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()


@dataclass(frozen=True)
class ProcessInfo:
    """One line of the process table, from /proc/<pid>/stat."""

    name: str
    state: str
    parent: int
    session: int


def process_table() -> dict[int, ProcessInfo]:
    """Every process visible in /proc (Linux), by pid; empty where there is no /proc."""
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # the process ended while we looked
        # The command name is in parentheses and may itself contain spaces or parentheses.
        fields = text[text.rindex(")") + 2 :].split()
        name = text[text.index("(") + 1 : text.rindex(")")]
        table[int(stat.parent.name)] = ProcessInfo(name, fields[0], int(fields[1]), int(fields[3]))
    return table


def _command_line(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return "(ended)"


def _session_members(session_id: int) -> dict[int, str]:
    return {
        pid: _command_line(pid)
        for pid, info in process_table().items()
        if info.session == session_id and info.state != "Z"
    }


def _reap_leftovers(session_id: int, grace: float = 5.0) -> list[str]:
    """Processes of the run's session still alive after a grace period; they are killed."""
    if not Path("/proc/self/stat").exists():
        return []  # no /proc (macOS, Windows): the check runs on Linux only
    deadline = time.monotonic() + grace
    while (members := _session_members(session_id)) and time.monotonic() < deadline:
        time.sleep(0.05)  # the resource tracker and the forkserver exit shortly after the parent
    for pid in members:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return [f"pid {pid}: {cmd.strip()}" for pid, cmd in sorted(members.items())]


def expected_output_file(script: Path, start_method: str | None) -> Path:
    """The golden file a script's stdout must match.

    `<stem>.out`, or `<pair>.out` when the twins print the same (the stem without its last `_part`).
    A `.pyXY` infix pins the output from Python X.Y on; a `.<start method>` infix pins it for that
    method. The most specific file that applies wins.
    """
    running = sys.version_info[:2]
    for base in (script.stem, script.stem.rsplit("_", 1)[0]):
        pattern = re.compile(rf"{re.escape(base)}(?:\.py(\d)(\d+))?(?:\.(\w+))?\.out")
        candidates = []
        for path in script.parent.glob(f"{base}*.out"):
            match = pattern.fullmatch(path.name)
            if not match:
                continue
            version = (int(match[1]), int(match[2])) if match[1] else (0, 0)
            method = match[3]
            if version <= running and method in (None, start_method):
                candidates.append((version, method is not None, path))
        if candidates:
            return max(candidates)[2]
    raise FileNotFoundError(f"no expected output for {script.name}: add {script.stem}.out")
