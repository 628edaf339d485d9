"""The MPI page's rank-death script stays bounded where its run cannot show it.

`pytest --codeblocks docs/engines/mpi.md` runs examples/engines/mpi/killed_rank_mpi.py, whose jobs
end within seconds because mpiexec.gforker ends them. Two paths that run does not take are checked
here: a job that never ends (the script must kill the launcher and everything it started, after
its time limit), and a machine without the launcher (one line that says what to install).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from pathlib import Path
from types import ModuleType

import psutil
import pytest

from tests.catalog import EXAMPLES, Example
from tests.runner import run
from tests.test_mpi_launcher import _environment

SCRIPT = Example(EXAMPLES / "engines" / "mpi" / "killed_rank_mpi.py")
# Stands in for mpiexec.gforker: starts a process of its own, then waits for ever.
HANGING_LAUNCHER = """#!/bin/sh
sleep 300 &
echo $! > "$(dirname "$0")/child.pid"
wait
"""


def _load_script() -> ModuleType:
    """The script as a module: importing it starts nothing (it imports mpi4py in job())."""
    spec = importlib.util.spec_from_file_location("killed_rank_mpi", SCRIPT.path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.fixture(autouse=True)
def _runs_here() -> None:
    reason = SCRIPT.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)


def test_a_job_that_never_ends_is_killed_with_every_process_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _load_script()
    monkeypatch.setattr(script, "JOB_TIMEOUT", 2)
    launcher = tmp_path / "mpiexec.gforker"
    launcher.write_text(HANGING_LAUNCHER)
    launcher.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(SystemExit) as stopped:
        script.launch("SIGKILL", str(launcher), tmp_path)
    assert stopped.value.code == "the job did not end within 2 s and was killed"
    assert time.monotonic() - started < 10
    child = int((tmp_path / "child.pid").read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the launcher's own child outlived the time limit"


def test_without_the_launcher_the_script_says_what_to_install() -> None:
    env = _environment(mpiexec_on_path=False)
    if shutil.which("mpiexec.gforker", path=env["PATH"]):
        pytest.skip("another mpiexec.gforker is on PATH here")
    result = run([sys.executable, SCRIPT.relative], env=env, timeout=20)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "mpiexec.gforker is not on PATH: pip install mpich, activate its venv"
    ], "one line, no traceback"
    assert not result.leftovers
