"""What the MPI page says about a run without a launcher holds: `python factorize_mpi.py` fails
within seconds, with a message that names the command to use, and leaves no process. (The page's
own runs, tests/codeblocks.py, start the scripts under mpiexec.gforker.)

Without the check, such a run hangs. With no `mpiexec` on PATH, MPICH's singleton init forks a
copy of the process to exec one, and the original waits forever for it to connect back; with the
MPICH wheel's `mpiexec` on PATH (an active virtual environment), it starts that Hydra launcher,
which listens on every interface. Both cases run here.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from pathlib import Path

import pytest

from tests.catalog import DOCS, EXAMPLES, Example
from tests.runner import run, script_env

SCRIPTS = [
    Example(EXAMPLES / "engines" / "mpi" / name)
    for name in ("factorize_mpi.py", "factorize_mpi_pool.py")
]
PAGE = DOCS / "engines" / "mpi.md"
MESSAGE = (
    "Start this script with an MPI launcher:\n"
    "  UCX_NET_DEVICES=lo mpiexec.gforker -n 3 \\\n"
    "      python -m mpi4py.futures {script}"
)
# The variables a launcher sets: a test run under one would not see the failure.
LAUNCHER_VARIABLES = ("PMI_FD", "PMI_PORT", "PMI_RANK", "PMI_SIZE", "OMPI_COMM_WORLD_SIZE")


def _environment(mpiexec_on_path: bool) -> dict[str, str]:
    env = script_env()
    for name in LAUNCHER_VARIABLES:
        env.pop(name, None)
    if not mpiexec_on_path:
        launchers = Path(sys.executable).parent  # the MPICH wheel puts mpiexec beside python
        env["PATH"] = os.pathsep.join(
            entry
            for entry in env["PATH"].split(os.pathsep)
            if entry and Path(entry).resolve() != launchers.resolve()
        )
    return env


@pytest.mark.parametrize("mpiexec_on_path", [False, True], ids=["no-mpiexec", "mpiexec-on-path"])
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda example: example.path.name)
def test_a_script_fails_fast_without_a_launcher(script: Example, mpiexec_on_path: bool) -> None:
    reason = script.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)
    started = time.monotonic()
    result = run([sys.executable, script.relative], env=_environment(mpiexec_on_path), timeout=20)
    took = time.monotonic() - started
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    assert result.stderr.splitlines() == MESSAGE.format(script=script.relative).splitlines(), (
        "the message alone, no traceback"
    )
    assert took < 10, f"took {took:.1f} s to give up"
    assert not result.leftovers


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda example: example.path.name)
def test_the_message_names_the_first_command_the_page_runs(script: Example) -> None:
    """The command after the message's first line, read as a shell reads it (a backslash
    before a newline joins the lines), is the script's first `launch` command."""
    command = MESSAGE.format(script=script.relative).split("\n", 1)[1].replace("\\\n", "")
    assert "\n" not in command, "one command: each line but the last ends in a backslash"
    assert shlex.split(command) == shlex.split(script.launches[0])


def test_the_page_shows_the_message_of_a_script_without_a_launcher() -> None:
    assert MESSAGE.format(script="examples/engines/mpi/factorize_mpi.py") in PAGE.read_text()
