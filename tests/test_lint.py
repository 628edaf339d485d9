"""The code and the workflows pass the project's linters (ruff; zizmor and actionlint)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.runner import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob(".github/workflows/*.yml"))


def tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed in this environment")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["zizmor", "--offline", "--quiet", ".github/workflows"],
        # Named files, so that it needs no .git to find them; shellcheck checks `run:` if installed.
        ["actionlint", *WORKFLOWS],
    ],
    ids=" ".join,
)
def test_linter_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [tool(command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
