"""Run the examples on every CPython the machine has: `nox -s examples` (or `make matrix`)."""

import os
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14"]

nox.options.default_venv_backend = "venv"
# CI sets CI=true, which would turn a missing interpreter into an error: here it is a visible skip.
nox.options.error_on_missing_interpreters = False
nox.options.reuse_venv = "yes"

# pyenv's interpreters are not on PATH unless selected; let nox find every installed one.
_pyenv_versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
os.environ["PATH"] = os.pathsep.join(
    [*(str(bin_dir) for bin_dir in sorted(_pyenv_versions.glob("3.*/bin"))), os.environ["PATH"]]
)


@nox.session(python=PYTHONS)
def examples(session: nox.Session) -> None:
    """Run every example under each start method, the failure matrix and the benchmark harness."""
    session.install("--require-hashes", "-r", "requirements/examples.txt")
    # Most examples spend their time in bounded waits, not on a CPU: run more of them than cores.
    session.run(
        "python",
        "-m",
        "pytest",
        "tests/test_examples.py",
        "tests/test_benchmarks.py",
        "tests/test_failure_matrix.py",
        "-n",
        "4",
        "-p",
        "no:cacheprovider",
        *session.posargs,
    )
