"""Every example runs as `__main__` in a fresh interpreter under every start method.

A new example needs no new test: it is found, run with a timeout, and its whole stdout compared with
its golden `.out` file. Anything on stderr (a warning, a traceback) fails it, and so does a process
it leaves running.
"""

import sys
from pathlib import Path

import pytest

from tests.examples_catalog import EXAMPLES, example_scripts, why_it_cannot_run_here
from tests.runner import ROOT, expected_output_file, run, start_method_params

# Folders whose scripts need more than a fresh interpreter; each has its own test module.
RUN_BY_THEIR_OWN_TESTS = {
    "engines": "start local clusters; tests/test_engines.py runs each once and checks its sockets",
}

SCRIPTS = [
    path
    for path in example_scripts()
    if path.relative_to(EXAMPLES).parts[0] not in RUN_BY_THEIR_OWN_TESTS
]

# A script that hangs under spawn (a missing `__main__` guard) must fail, not stall the suite.
SCRIPT_TIMEOUT = 30


@pytest.mark.parametrize("start_method", start_method_params())
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_example_prints_its_expected_output(script: Path, start_method: str) -> None:
    reason = why_it_cannot_run_here(script)
    if reason:
        pytest.skip(reason)
    result = run(
        [sys.executable, str(script.relative_to(ROOT))],
        start_method=start_method,
        timeout=SCRIPT_TIMEOUT,
    )
    assert result.returncode == 0, f"exit code {result.returncode}\n{result.stderr}"
    assert result.stderr == "", "the script wrote to stderr"
    expected = expected_output_file(script, start_method)
    assert result.stdout == expected.read_text(), f"stdout differs from {expected.name}"
    assert not result.leftovers, "the script left processes running"
