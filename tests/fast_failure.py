"""The check the engine pages share: a script that connects to a cluster gives up within seconds
when nothing answers at the address, with one line that names the command to start the cluster."""

from __future__ import annotations

import sys
import time

import pytest

from tests.catalog import Example
from tests.runner import run

WITHIN_S = 20  # the scripts wait about 5 s; the rest is a busy machine's start-up


def assert_fails_fast(client: Example, address: str, message: str) -> None:
    """Run `client` against `address`, where nothing listens: exit 1 with `message` alone."""
    reason = client.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)
    started = time.monotonic()
    result = run([sys.executable, client.relative, address], timeout=30)
    took = time.monotonic() - started
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [message], "one line, no traceback"
    assert took < WITHIN_S, f"took {took:.1f} s to give up"
    assert not result.leftovers
