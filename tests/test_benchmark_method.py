"""The harness's method holds: every worker of a pool runs before the clock starts, and the
contention check flags a run while a CPU hog competes with it (and, on an idle machine, does not).

The idle half needs the machine to itself: it is marked `quiet`, and `make test` runs the quiet
tests alone, after the rest of the suite (pyproject.toml registers the mark).
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from examples.performance.harness import pools
from examples.performance.harness.measure import usable_cpus
from tests.runner import run

HARNESS = [sys.executable, "-m", "examples.performance.harness"]
WORKERS = 3  # more than this machine's cores: workers that start late are the case to catch
# A short run that still samples the machine five times: before, after each of three rounds, after.
SHORT_RUN = ["payload", "--sizes", "1K", "--repeat", "3", "--warmup", "0", "--min-time", "0.05"]


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    """The PIDs that answered each warm-up, recorded as the pools report them."""
    seen: list[set[int]] = []
    start = pools.start_every_worker

    def recording(map_tasks, workers: int) -> set[int]:
        seen.append(start(map_tasks, workers))
        return seen[-1]

    monkeypatch.setattr(pools, "start_every_worker", recording)
    return seen


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_every_pool_worker_has_run_a_task_before_the_clock_starts(
    method: str, answered: list[set[int]]
) -> None:
    context = multiprocessing.get_context(method)
    with pools.warm_pool(context, WORKERS) as pool:
        workers = {process.pid for process in pool._pool}  # the Pool's own list of its workers
    with pools.warm_executor(context, WORKERS) as executor:
        workers_of_executor = set(executor._processes)  # likewise for the executor
    assert answered == [workers, workers_of_executor]
    assert [len(pids) for pids in answered] == [WORKERS, WORKERS], "distinct worker PIDs"


def harness_run(tmp_path: Path) -> dict:
    output = tmp_path / "results.json"
    result = run([*HARNESS, *SHORT_RUN, "--output", str(output)], timeout=120)
    assert result.returncode == 0, result.stderr
    assert not result.leftovers
    return json.loads(output.read_text())["conditions"]


@pytest.fixture
def cpu_hog() -> Iterator[None]:
    """A busy loop on every usable CPU, for as long as the test runs."""
    hogs = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(usable_cpus())
    ]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


@pytest.mark.usefixtures("cpu_hog")
def test_a_run_beside_a_cpu_hog_is_flagged_as_contended(tmp_path: Path) -> None:
    conditions = harness_run(tmp_path)
    assert conditions["contended"], conditions
    assert any("calibration loop got less than" in reason for reason in conditions["reasons"])
    assert any("other processes used" in reason for reason in conditions["reasons"])


# The drift rule compares the calibration loop's median time with its fastest. On a shared
# virtual machine a core's speed wanders with nothing else running (on the machine behind the
# site's data, a loop pinned to one vCPU at 100 % of it took 31 to 65 ms from one try to the
# next), so on such a machine an idle run is sometimes flagged for drift alone: 3 of 11 short
# runs here. That is the rule reporting the machine, not other programs; this test holds the
# rules that report other programs (a starved loop, others' CPU time, steal), which the CPU-hog
# test above shows firing.
DRIFT = "the calibration loop's median time"


@pytest.mark.quiet
def test_a_run_on_an_idle_machine_is_not_flagged_for_other_programs(tmp_path: Path) -> None:
    """Something else may wake up during one run: three tries, and one must pass."""

    def others(conditions: dict) -> list[str]:
        return [reason for reason in conditions["reasons"] if not reason.startswith(DRIFT)]

    tries = [harness_run(tmp_path)]
    while others(tries[-1]) and len(tries) < 3:
        tries.append(harness_run(tmp_path))
    assert not others(tries[-1]), [conditions["reasons"] for conditions in tries]
