"""Run the examples on each supported CPython the machine has: `nox -s examples` (`make matrix`)."""

import os
from pathlib import Path

import nox
import tomllib


def supported_pythons() -> list[str]:
    """The supported CPythons, oldest first: `[tool.fvm] pythons` in pyproject.toml."""
    pyproject = tomllib.loads((Path(__file__).parent / "pyproject.toml").read_text())
    return pyproject["tool"]["fvm"]["pythons"]


def put_pyenv_interpreters_on_path(pythons: list[str]) -> None:
    """Prepend the bin folder of each installed pyenv CPython in `pythons` to PATH.

    pyenv's interpreters are not on PATH unless selected, and nox finds a session's interpreter on
    PATH (python-discovery follows pyenv's shims only to the selected versions).
    """
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    bin_dirs = [
        str(bin_dir)
        for python in pythons
        for bin_dir in sorted(versions.glob(f"{python}.*/bin"))
        if (bin_dir / f"python{python}").exists()
    ]
    if bin_dirs:
        os.environ["PATH"] = os.pathsep.join([*bin_dirs, os.environ["PATH"]])


nox.options.default_venv_backend = "venv"
# CI sets CI=true, which would turn a missing interpreter into an error: here it is a visible skip.
nox.options.error_on_missing_interpreters = False
nox.options.reuse_venv = "yes"
nox.options.sessions = ["examples"]  # `goldens` rewrites files: only when asked for by name

# These two run at import because nox needs their results before any code of a session runs: the
# decorator below takes the list, and nox looks a session's interpreter up on PATH when it creates
# the session's virtualenv, with no hook in between.
PYTHONS = supported_pythons()
put_pyenv_interpreters_on_path(PYTHONS)


@nox.session(python=PYTHONS)
def examples(session: nox.Session) -> None:
    """Run every page's examples under each start method, and the tests that read their output."""
    session.install("--require-hashes", "-r", "requirements/examples.txt")
    # Most examples spend their time in bounded waits, not on a CPU: run more of them than cores.
    session.run(*PYTEST, "docs", *CHECKS_OF_THE_GOLDENS, *session.posargs)


@nox.session(python=PYTHONS)
def goldens(session: nox.Session) -> None:
    """Rewrite the examples' goldens from real runs, oldest Python first (tests/goldens.py)."""
    session.install("--require-hashes", "-r", "requirements/examples.txt")
    session.run(*PYTEST, "--update-goldens", *(session.posargs or ["docs"]))


PYTEST = [
    "python",
    "-m",
    "pytest",
    "--codeblocks",
    "-n",
    "4",
    "--dist",
    "loadgroup",
    "-p",
    "no:cacheprovider",
]
CHECKS_OF_THE_GOLDENS = [
    "tests/test_failure_matrix.py",
    "tests/test_faq.py",
    "tests/test_benchmarks.py",
    "tests/test_newer_python_scripts.py",
]
