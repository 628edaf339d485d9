"""A script that needs a newer Python than the one running it says so at once, and stops.

Every example whose PEP 723 `requires-python` excludes this interpreter runs here as a reader on
an older Python would run it. It must exit with status 2 within a moment, print one line on stderr
that names the Python it needs (and the one it found), print nothing on stdout, and leave no
process behind. Without that, such a script fails late with a bare ImportError, TypeError or
AttributeError, or, having started tasks first, waits minutes for them before it exits.

On a Python every example accepts there is nothing to run, and pytest reports the empty set.
"""

from __future__ import annotations

import sys
import time

import pytest
from packaging.specifiers import SpecifierSet

from tests.catalog import Example, catalog
from tests.runner import run

# Read the running version as tests/catalog.py does, so both agree on which scripts cannot run.
RUNNING = ".".join(map(str, sys.version_info[:3]))
TIMEOUT = 10  # seconds; a run still going then is killed with its children, and the test fails
PROMPT = 2.0  # seconds: "at once", with room for a busy machine's interpreter start-up


def requires_python(example: Example) -> SpecifierSet:
    """The script's `requires-python`: every version when it states none."""
    return SpecifierSet(example.metadata.get("requires-python", ""))


def needed_versions(required: SpecifierSet) -> list[str]:
    """The versions a script's refusal must name: each lower bound (or exact pin) it states."""
    return [spec.version for spec in required if spec.operator in (">=", "~=", "==")]


NEWER_THAN_THIS = [e for e in catalog().examples if RUNNING not in requires_python(e)]


@pytest.mark.parametrize("example", NEWER_THAN_THIS, ids=lambda example: example.relative)
def test_script_names_the_python_it_needs_and_stops(example: Example) -> None:
    needed = needed_versions(requires_python(example))
    assert needed, f"{example.relative}: state the lowest Python it needs (`>=3.X`)"

    started = time.monotonic()
    result = run([sys.executable, example.relative], timeout=TIMEOUT)
    took = time.monotonic() - started

    report = f"{example.relative} on {RUNNING}: exit {result.returncode} after {took:.2f} s\n"
    report += f"--- stdout ---\n{result.stdout}--- stderr ---\n{result.stderr}"
    lines = result.stderr.splitlines()
    assert result.returncode == 2, report
    assert result.stdout == "", report
    assert len(lines) == 1, report
    missing = [version for version in needed if version not in lines[0]]
    assert missing == [], f"the line must name Python {', '.join(missing)}\n{report}"
    assert RUNNING in lines[0], f"the line must name the Python it found, {RUNNING}\n{report}"
    assert took < PROMPT, report
    assert result.leftovers == [], report
