"""The performance pages' words hold in the committed JSON (docs/performance/data/results.json).

The pages describe the published run in words ("orders of magnitude", "several times", "within
the noise"). Each test here holds one passage to the numbers, so that a new run which contradicts
it fails until the prose is revised. A difference is stated only where it holds in every round:
ratios are taken round by round (report.ratio_summary), and "A costs more than B" needs the
lowest ratio above 1, "within the noise" a range of ratios that contains 1. They read recorded
numbers; they time nothing.
"""

from __future__ import annotations

import json

from examples.performance.harness.report import ratio_summary
from tests.runner import ROOT

PUBLISHED = ROOT / "docs" / "performance" / "data" / "results.json"


def published(benchmark: str) -> dict[str, dict]:
    results = json.loads(PUBLISHED.read_text())
    return {v["label"]: v for v in results["benchmarks"][benchmark]["variants"]}


def ratio(numerator: dict, denominator: dict) -> dict:
    """numerator / denominator, round by round: median, min and max."""
    return ratio_summary(numerator, denominator)


def at_least(numerator: dict, denominator: dict, factor: float) -> bool:
    """numerator costs at least `factor` times denominator in every round."""
    return ratio(numerator, denominator)["min"] >= factor


def at_most(numerator: dict, denominator: dict, factor: float) -> bool:
    """numerator costs at most `factor` times denominator in every round."""
    return ratio(numerator, denominator)["max"] <= factor


def within_the_noise(a: dict, b: dict) -> bool:
    """Neither is ahead in every round."""
    spread = ratio(a, b)
    return spread["min"] <= 1 <= spread["max"]


def cpu_share(variant: dict) -> float:
    return variant["cpu_s"]["median"] / variant["wall_s"]["median"]


def published_workers() -> int:
    return json.loads(PUBLISHED.read_text())["settings"]["workers"]


def test_the_published_run_was_quiet() -> None:
    """Both pages describe a quiet machine; a contended run must change the prose first."""
    conditions = json.loads(PUBLISHED.read_text())["conditions"]
    assert not conditions["contended"], conditions["reasons"]


def test_overhead_claims_hold_in_the_published_run() -> None:
    run = published("overhead")
    default = run["ProcessPoolExecutor.map, default chunksize"]
    tuned = run["ProcessPoolExecutor.map, tuned chunksize"]
    assert at_least(default, tuned, 100), "a tuned chunksize cuts the cost by orders of magnitude"
    assert at_most(tuned, run["Pool.map, default chunksize"], 5), "...to within a few times Pool's"
    assert at_least(default, run["Pool.map, chunksize=1"], 1), "one by one, the executor pays more"


def test_task_by_task_and_thread_claims_hold_in_the_published_run() -> None:
    run = published("overhead")
    executor = (
        "ProcessPoolExecutor.map, default chunksize",
        "ProcessPoolExecutor.submit + as_completed",
    )
    pool = ("Pool.map, chunksize=1", "Pool.imap_unordered", "Pool.apply_async")
    for one in executor:
        for other in pool:
            assert at_least(run[one], run[other], 3), f"{one} against {other}: several times"
    thread_pool = run["multiprocessing.pool.ThreadPool.map"]
    assert at_most(thread_pool, run["serial loop, no pool"], 5), "within a few times the loop"
    assert at_least(run["ThreadPoolExecutor.map"], thread_pool, 100), "orders of magnitude more"
    # "A fraction of a millisecond, which a task of ten milliseconds hides": under 5 % of it.
    assert max(variant["value"]["max"] for variant in run.values()) < 500  # µs


def test_chunksize_gap_claims_hold_in_the_published_run() -> None:
    run = published("chunksize")
    sizes = sorted({variant["params"]["chunksize"] for variant in run.values()})

    def gap(size: int) -> dict:
        return ratio(
            run[f"ProcessPoolExecutor.map, chunksize={size}"], run[f"Pool.map, chunksize={size}"]
        )

    assert gap(sizes[0])["min"] >= 3, "several times at chunksize=1"
    for size in sizes[len(sizes) // 2 :]:
        assert gap(size)["max"] < gap(sizes[0])["min"], f"narrower at chunksize={size}"
    for api in ("Pool.map", "ProcessPoolExecutor.map"):
        first, last = (run[f"{api}, chunksize={size}"] for size in (sizes[0], sizes[-1]))
        assert at_most(last, first, 0.1), f"{api}: the cost per task falls as chunks grow"


def test_payload_claims_hold_in_the_published_run() -> None:
    run = published("payload")
    floor = "pickle both ways, no process, "
    sizes = [label.removeprefix(floor) for label in run if label.startswith(floor)]
    apis = ("Pool.apply", "ProcessPoolExecutor.submit")
    for api in apis:
        one_kb = run[f"{api}, 1 KB"]
        assert at_most(run[f"{api}, 100 KB"], one_kb, 2), "100 times the data, under twice the cost"
        assert at_least(one_kb, run[f"{floor}1 KB"], 100), "orders of magnitude above pickling"
        assert at_least(run[f"{api}, 100 MB"], run[f"{api}, 1 MB"], 10), "grows from a megabyte"
        assert at_most(run[f"{api}, {sizes[-1]}"], run[f"{floor}{sizes[-1]}"], 5), "a few times"
    for size in sizes:
        pool, executor = (run[f"{api}, {size}"] for api in apis)
        spread = ratio(pool, executor)
        assert spread["min"] >= 0.5, f"within a factor of two at {size}"
        assert spread["max"] <= 2, f"within a factor of two at {size}"


def test_shared_memory_claims_hold_in_the_published_run() -> None:
    run = published("sharedmem")
    pickled = run["array pickled as the argument"]
    assert at_least(pickled, run["shared_memory, block already filled"], 100), "orders of magnitude"
    assert at_least(pickled, run["shared_memory, created and filled per call"], 3), "several times"


def test_startup_claims_hold_in_the_published_run() -> None:
    run = list(published("startup").values())
    by = {(v["params"]["what"], v["params"]["start_method"]): v for v in run}
    for what in {v["params"]["what"] for v in run if v["params"]["creation_timed"]}:
        fork, forkserver, spawn = (by[what, m] for m in ("fork", "forkserver", "spawn"))
        assert at_least(forkserver, fork, 1), f"{what}: forkserver slower than fork"
        assert at_least(spawn, forkserver, 1), f"{what}: spawn slower than forkserver"
        assert at_least(spawn, fork, 3), f"{what}: spawn is several times slower than fork"
        assert spawn["value"]["min"] >= 10, f"{what}: spawn takes tens of milliseconds or more"
    for method in ("fork", "forkserver", "spawn"):
        mine = [v for v in run if v["params"]["start_method"] == method]
        warm = [v for v in mine if not v["params"]["creation_timed"]]
        pools = [v for v in mine if v["params"]["creation_timed"] and "(" in v["label"]]
        assert max(v["value"]["max"] for v in warm) < 1, f"{method}: a fraction of a ms"
        for pool in pools:
            for task in warm:
                assert at_least(pool, task, 10), f"{method}: an order of magnitude below a pool"


def test_same_job_claims_hold_in_the_published_run() -> None:
    run = published("samejob")
    pool = run["Pool.map, default chunksize"]
    default = run["ProcessPoolExecutor.map, default chunksize"]
    tuned = next(v for label, v in run.items() if label.startswith("ProcessPoolExecutor.map, ch"))
    assert within_the_noise(pool, default), "Pool.map and the executor differ by the noise"
    assert within_the_noise(tuned, default), "a tuned chunksize gains nothing on long tasks"
    serial = run["serial loop"]["value"]["median"]
    assert 0.5 <= serial <= 1, "the serial job takes most of a second"
    assert 0.010 <= serial / 16 < 0.100, "sixteen tasks of tens of milliseconds each"


def test_scaling_claims_hold_in_the_published_run() -> None:
    run = published("scaling")
    most = published_workers()
    serial = run["serial loop"]
    for count in sorted(
        {v["params"]["workers"] for v in run.values() if v["params"]["api"] != "serial"}
    ):
        plural = "s" if count > 1 else ""
        pool, executor = (
            run[f"Pool.map, {count} worker{plural}"],
            run[f"ProcessPoolExecutor.map, {count} worker{plural}"],
        )
        assert within_the_noise(pool, executor), f"the APIs differ by the noise at {count}"
    for api in ("Pool.map", "ProcessPoolExecutor.map"):
        full = run[f"{api}, {most} workers"]
        assert ratio(serial, full)["median"] >= 0.9 * most, f"{api} came close to the ideal"
        assert 0.9 * most <= cpu_share(full) < most, "nearly every core busy, with idle moments"
        assert within_the_noise(run[f"{api}, 1 worker"], serial), "one worker: within the noise"
