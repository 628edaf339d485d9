"""The benchmark harness runs, writes complete JSON, rejects bad arguments, and the site's charts
and tables are exactly what the committed JSON gives. No test here looks at a timing's value:
the machines are noisy, and the published numbers come from a full run with its metadata.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from examples.benchmarks.cli import BENCHMARKS, PROG
from examples.benchmarks.measure import Settings
from tests.runner import ROOT, run

PERFORMANCE = ROOT / "docs" / "performance"
PUBLISHED = PERFORMANCE / "data" / "results.json"
HARNESS = [sys.executable, "-m", "examples.benchmarks"]
MACHINE_FIELDS = {
    "cpu_model",
    "cpu_count",
    "usable_cpus",
    "os",
    "python",
    "implementation",
    "free_threaded",
    "default_start_method",
}
CONDITION_FIELDS = {
    "load_before",
    "load_after",
    "calibration_before",
    "calibration_after",
    "contended",
    "reasons",
}


def check_results(results: dict) -> None:
    """The schema the pages rely on: metadata, every benchmark and variant, sane summaries."""
    assert results["schema"] == 1
    assert results["command"].startswith(PROG)
    assert results["machine"].keys() >= MACHINE_FIELDS
    assert results["machine"]["usable_cpus"] >= 1
    conditions = results["conditions"]
    assert conditions.keys() >= CONDITION_FIELDS
    assert conditions["contended"] == bool(conditions["reasons"])
    settings = Settings(**results["settings"])
    assert list(results["benchmarks"]) == list(BENCHMARKS)
    for name, benchmark in results["benchmarks"].items():
        module = BENCHMARKS[name]
        assert benchmark["unit"] == module.UNIT
        expected = [variant.label for variant in module.variants(settings)]
        assert [variant["label"] for variant in benchmark["variants"]] == expected, name
        for variant in benchmark["variants"]:
            where = f"{name}: {variant['label']}"
            for key in ("value", "wall_s", "cpu_s"):
                summary = variant[key]
                assert len(summary["samples"]) == settings.repeat, where
                assert summary["min"] <= summary["median"] <= summary["max"], where
            assert all(wall > 0 for wall in variant["wall_s"]["samples"]), where
            assert all(cpu > 0 for cpu in variant["cpu_s"]["samples"]), where


def test_quick_run_writes_json_with_every_benchmark_and_the_machine(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    # --quick with one repeat and the smallest sizes: seconds, not the minute --quick allows.
    smallest = ["--repeat", "1", "--warmup", "0", "--tasks", "50", "--sizes", "1K,10K"]
    result = run([*HARNESS, "--quick", *smallest, "--output", str(output)], timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "the harness wrote to stderr (a warning?)"
    assert not result.leftovers, "the harness left processes running"
    for module in BENCHMARKS.values():
        assert f"## {module.TITLE}" in result.stdout
    results = json.loads(output.read_text())
    assert results["settings"]["quick"] is True
    check_results(results)


def test_help_lists_every_benchmark() -> None:
    result = run([*HARNESS, "--help"], timeout=30)
    assert result.returncode == 0
    for name, module in BENCHMARKS.items():
        assert f"{name:<10} {module.HELP}" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["nosuch"], "unknown benchmark 'nosuch'"),
        (["--workers", "0"], "argument --workers: must be at least 1, got 0"),
        (["--workers", "-2"], "argument --workers: must be at least 1, got -2"),
        (["--repeat", "many"], "argument --repeat: 'many' is not a whole number"),
        (["--sizes", "abc"], "argument --sizes: 'abc' is not a size in bytes"),
        (["--sizes", "1K,lots"], "argument --sizes: 'lots' is not a size in bytes"),
    ],
    ids=["unknown-benchmark", "zero-workers", "negative-workers", "repeat", "sizes", "one-size"],
)
def test_bad_arguments_give_one_line_and_exit_code_2(arguments: list[str], complaint: str) -> None:
    result = run([*HARNESS, *arguments], timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"{PROG}: error: ")
    assert complaint in result.stderr


def test_published_results_come_from_a_full_run() -> None:
    results = json.loads(PUBLISHED.read_text())
    assert results["settings"]["quick"] is False
    assert results["settings"]["repeat"] >= 5
    check_results(results)


def test_charts_and_tables_are_regenerated_from_the_published_json(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from examples.benchmarks.charts import write_all

    write_all(json.loads(PUBLISHED.read_text()), tmp_path)
    for folder in ("charts", "tables"):
        fresh = {path.name: path.read_bytes() for path in (tmp_path / folder).iterdir()}
        committed = {path.name: path.read_bytes() for path in (PERFORMANCE / folder).iterdir()}
        assert sorted(committed) == sorted(fresh), f"docs/performance/{folder} has other files"
        stale = [name for name in fresh if fresh[name] != committed[name]]
        assert stale == [], "run `make charts` and commit the result"


# The pages' prose describes the published run in words ("orders of magnitude", "within the
# noise"). These tests hold the words to the committed JSON, so that a new run which contradicts
# them fails here until the prose is revised. They read recorded numbers; they time nothing.


def published(benchmark: str) -> dict[str, dict]:
    results = json.loads(PUBLISHED.read_text())
    return {v["label"]: v for v in results["benchmarks"][benchmark]["variants"]}


def median(variant: dict) -> float:
    return variant["value"]["median"]


def ranges_overlap(a: dict, b: dict) -> bool:
    return a["value"]["min"] <= b["value"]["max"] and b["value"]["min"] <= a["value"]["max"]


def test_overhead_claims_hold_in_the_published_run() -> None:
    run = published("overhead")
    default = median(run["ProcessPoolExecutor.map, default chunksize"])
    tuned = median(run["ProcessPoolExecutor.map, tuned chunksize"])
    pool = median(run["Pool.map, default chunksize"])
    assert default / tuned >= 100, "a tuned chunksize cuts the cost by orders of magnitude"
    assert tuned / pool <= 5, "...to within a few times that of Pool.map"
    assert default > median(run["Pool.map, chunksize=1"]), "one by one, the executor pays more"
    submit = median(run["ProcessPoolExecutor.submit + as_completed"])
    assert submit > median(run["Pool.imap_unordered"])
    assert submit > median(run["Pool.apply_async"])


def test_payload_claims_hold_in_the_published_run() -> None:
    run = published("payload")
    for api in ("Pool.apply", "ProcessPoolExecutor.submit"):
        one_kb, ten_kb = median(run[f"{api}, 1 KB"]), median(run[f"{api}, 10 KB"])
        assert ten_kb < 3 * one_kb, "small payloads cost a fixed latency"
        assert median(run[f"{api}, 100 MB"]) > 10 * median(run[f"{api}, 1 MB"]), (
            "from a megabyte on, the cost grows with the size"
        )


def test_shared_memory_claims_hold_in_the_published_run() -> None:
    run = published("sharedmem")
    pickled = median(run["array pickled as the argument"])
    assert median(run["shared_memory, created and filled per call"]) < pickled
    assert median(run["shared_memory, block already filled"]) < pickled / 10


def test_startup_claims_hold_in_the_published_run() -> None:
    run = published("startup")
    fork = median(run["fork: Process: start, join"])
    spawn = median(run["spawn: Process: start, join"])
    assert spawn >= 10, "spawn costs tens to hundreds of milliseconds"
    assert fork < spawn / 3, "fork is ready almost at once"


def test_same_job_claims_hold_in_the_published_run() -> None:
    run = published("samejob")
    pool = run["Pool.map, default chunksize"]
    default = run["ProcessPoolExecutor.map, default chunksize"]
    tuned = next(v for label, v in run.items() if label.startswith("ProcessPoolExecutor.map, ch"))
    assert ranges_overlap(pool, default), "Pool.map and the executor differ by the noise"
    assert ranges_overlap(tuned, default), "a tuned chunksize gains nothing on long tasks"
    per_trip = median(published("overhead")["ProcessPoolExecutor.map, default chunksize"])
    assert 16 * per_trip < 10_000, "sixteen trips add a few milliseconds (µs here)"
    assert 0.5 <= median(run["serial loop"]) <= 2, "the serial job takes about a second"


def test_scaling_claims_hold_in_the_published_run() -> None:
    run = published("scaling")
    workers = {v["params"]["workers"] for v in run.values() if v["params"]["api"] != "serial"}
    for count in sorted(workers):
        plural = "s" if count > 1 else ""
        pool = run[f"Pool.map, {count} worker{plural}"]
        executor = run[f"ProcessPoolExecutor.map, {count} worker{plural}"]
        assert ranges_overlap(pool, executor), f"the APIs differ by the noise at {count}"


def cpu_share(variant: dict) -> float:
    return variant["cpu_s"]["median"] / variant["wall_s"]["median"]


def test_the_busy_machine_claims_hold_in_the_published_run() -> None:
    """Both pages say the published run had about one core to give; a quieter run must say so."""
    assert json.loads(PUBLISHED.read_text())["conditions"]["contended"]
    scaling = published("scaling")
    most = max(v["params"]["workers"] for v in scaling.values())
    serial = median(scaling["serial loop"])
    for api in ("Pool.map", "ProcessPoolExecutor.map"):
        variant = scaling[f"{api}, {most} workers"]
        assert cpu_share(variant) < 1.3, "two workers kept about one core busy"
        assert serial / median(variant) < 1.3, "so the speed-up stayed near one"
    samejob = published("samejob")
    for label, variant in samejob.items():
        if label != "serial loop":
            assert median(variant) > median(samejob["serial loop"]), "the pools lost"
            assert cpu_share(variant) < 1, "the pools shared less than one core"


def test_small_payloads_cost_a_fixed_latency_in_the_published_run() -> None:
    run = published("payload")
    for api in ("Pool.apply", "ProcessPoolExecutor.submit"):
        assert median(run[f"{api}, 100 KB"]) < 3 * median(run[f"{api}, 1 KB"])
