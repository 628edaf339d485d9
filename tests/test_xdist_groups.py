"""The suite's scheduling holds: tests marked with one `xdist_group` run on one xdist worker.

The site tests build the site once per group, the cluster examples run one at a time, and
`--update-goldens` writes a folder's goldens from one worker: all rely on `--dist loadgroup`.
A pytest release that pytest-xdist does not follow can turn the groups off without an error
(pytest 9.2 with pytest-xdist 3.8 did), so this runs a small grouped session and looks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GROUPED_TESTS = """
import os
import pytest


@pytest.mark.xdist_group("one")
@pytest.mark.parametrize("n", range(6))
def test_note_the_worker(n):
    with open(f"ran-{n}", "w") as note:
        note.write(os.environ["PYTEST_XDIST_WORKER"])
"""


def test_a_group_runs_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED_TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # not this project's options
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "3",
            "--dist",
            "loadgroup",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "base"),
            "-q",
            "test_grouped.py",
        ],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    notes = list(tmp_path.glob("ran-*"))
    assert len(notes) == 6, result.stdout
    workers = {note.read_text() for note in notes}
    assert len(workers) == 1, f"one group ran on the workers {sorted(workers)}"
