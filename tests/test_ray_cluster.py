"""What the Ray page says about a cluster started by commands holds: the connecting script fails
within seconds when no head node answers, with one line that names the command to start one, and
a second node cannot join a cluster kept on 127.0.0.1. (The page's own runs, tests/codeblocks.py,
start a head node with `ray start` and run the scripts against it.)"""

from __future__ import annotations

import pytest

from tests.catalog import DOCS, EXAMPLES, Example
from tests.fast_failure import assert_fails_fast
from tests.runner import run
from tests.sockets import free_loopback_port

CLIENT = Example(EXAMPLES / "engines" / "ray" / "factorize_ray_cluster.py")
PAGE = DOCS / "engines" / "ray.md"
MESSAGE = "No Ray head node at 127.0.0.1:{port}. Start one first: ray start --head --port {port}"
SINGLE_NODE = "Multi-node Ray clusters are not supported on Windows and OSX."


@pytest.fixture(autouse=True)
def _needs_ray() -> None:
    reason = CLIENT.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)


def test_the_cluster_script_fails_fast_without_a_head_node() -> None:
    port = free_loopback_port()
    assert_fails_fast(CLIENT, f"127.0.0.1:{port}", MESSAGE.format(port=port))


def test_the_page_shows_the_message_of_the_script_without_a_head_node() -> None:
    assert MESSAGE.format(port=6379) in PAGE.read_text()


def test_a_second_node_cannot_join_with_the_setting_that_keeps_ray_on_loopback() -> None:
    # Nothing listens at the address: `ray start` refuses before it tries to connect.
    command = (
        f"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 RAY_USAGE_STATS_ENABLED=0"
        f" ray start --address 127.0.0.1:{free_loopback_port()}"
    )
    result = run(command, timeout=60)
    assert result.returncode == 1
    assert SINGLE_NODE in result.stderr
    assert not result.leftovers


def test_the_page_quotes_the_refusal_of_a_second_node() -> None:
    assert SINGLE_NODE in " ".join(PAGE.read_text().split())
