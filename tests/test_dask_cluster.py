"""What the Dask page says about a scheduler that is not there holds: the script that connects to a
cluster fails within seconds, with one line that names the command to start one. (The page's own
runs, tests/codeblocks.py, start a real cluster by commands and run the script against it.)"""

from __future__ import annotations

from tests.catalog import DOCS, EXAMPLES, Example
from tests.fast_failure import assert_fails_fast
from tests.sockets import free_loopback_port

CLIENT = Example(EXAMPLES / "engines" / "dask" / "factorize_dask_cluster.py")
PAGE = DOCS / "engines" / "dask.md"
MESSAGE = (
    "No Dask scheduler answered at tcp://127.0.0.1:{port} within 5 s."
    " Start one first: dask scheduler --host 127.0.0.1 --port {port}"
)


def test_the_cluster_script_fails_fast_without_a_scheduler() -> None:
    port = free_loopback_port()
    assert_fails_fast(CLIENT, f"tcp://127.0.0.1:{port}", MESSAGE.format(port=port))


def test_the_page_shows_the_message_of_the_script_without_a_scheduler() -> None:
    assert MESSAGE.format(port=8786) in PAGE.read_text()
