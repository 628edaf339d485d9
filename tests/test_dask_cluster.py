"""What the Dask page says about a scheduler that is not there holds: the script that connects to a
cluster fails within seconds, with one line that names the command to start one. (The page's own
runs, tests/codeblocks.py, start a real cluster by commands and run the script against it.)"""

from __future__ import annotations

import sys
import time

import pytest

from tests.catalog import DOCS, EXAMPLES, Example
from tests.runner import run
from tests.sockets import free_loopback_port

CLIENT = Example(EXAMPLES / "engines" / "dask" / "factorize_dask_cluster.py")
PAGE = DOCS / "engines" / "dask.md"
MESSAGE = (
    "No Dask scheduler answered at tcp://127.0.0.1:{port} within 5 s."
    " Start one first: dask scheduler --host 127.0.0.1 --port {port}"
)


def test_the_cluster_script_fails_fast_without_a_scheduler() -> None:
    reason = CLIENT.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)
    port = free_loopback_port()
    started = time.monotonic()
    result = run([sys.executable, CLIENT.relative, f"tcp://127.0.0.1:{port}"], timeout=30)
    took = time.monotonic() - started
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [MESSAGE.format(port=port)], "one line, no traceback"
    assert took < 20, f"took {took:.1f} s to give up"
    assert not result.leftovers


def test_the_page_shows_the_message_of_the_script_without_a_scheduler() -> None:
    assert MESSAGE.format(port=8786) in PAGE.read_text()
