"""The benchmark harness runs, writes complete JSON, rejects bad arguments, and the site's charts
and tables are exactly what the committed JSON gives (tests/test_benchmark_claims.py holds the
pages' words to its numbers). No test here looks at a timing measured while the tests run: the
machines are noisy, and the published numbers come from a full run with its metadata; the tests
that must time something are marked `quiet` (tests/test_benchmark_method.py, test_predictor.py).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from examples.performance.harness import engines
from examples.performance.harness.charts import PROG as CHARTS_PROG
from examples.performance.harness.cli import PROG
from examples.performance.harness.measure import Settings
from examples.performance.harness.predict import PROG as PREDICT_PROG
from examples.performance.harness.suite import BENCHMARKS
from tests.runner import ROOT, run

PERFORMANCE = ROOT / "docs" / "performance"
PUBLISHED = PERFORMANCE / "data" / "results.json"
PACKAGE = "examples.performance.harness"
HARNESS = [sys.executable, "-m", PACKAGE]
MACHINE_FIELDS = {
    "cpu_model",
    "cpu_count",
    "physical_cores",
    "smt",
    "cpu_mhz",
    "cpu_governor",
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
    "checks",
    "others_cpu_s",
    "others_share",
    "contended",
    "reasons",
}


def check_results(results: dict) -> None:
    """The schema the pages rely on: metadata, every benchmark and variant, sane summaries."""
    assert results["schema"] == 2
    assert results["command"].startswith(PROG)
    assert results["machine"].keys() >= MACHINE_FIELDS
    assert results["machine"]["usable_cpus"] >= 1
    conditions = results["conditions"]
    assert conditions.keys() >= CONDITION_FIELDS
    assert conditions["contended"] == bool(conditions["reasons"])
    settings = Settings(**results["settings"])
    rounds = settings.repeat + settings.warmup
    sampled = sum(len(benchmark["variants"]) > 0 for benchmark in results["benchmarks"].values())
    assert len(conditions["checks"]) == 2 + rounds * sampled, "before, after every round, after"
    assert set(results["benchmarks"]) <= set(BENCHMARKS)
    for name, benchmark in results["benchmarks"].items():
        module = BENCHMARKS[name]
        assert benchmark["unit"] == module.UNIT
        expected = [variant.label for variant in module.variants(settings)]
        labels = [variant["label"] for variant in benchmark["variants"]]
        if name == "engines":  # an engine not installed here lists no variants: compare the rest
            here = {"ProcessPoolExecutor", *engines.installed()}
            labels = [label for label in labels if label.split(":")[0] in here]
        assert labels == expected, name
        for variant in benchmark["variants"]:
            where = f"{name}: {variant['label']}"
            for key in ("value", "wall_s", "cpu_s"):
                summary = variant[key]
                assert len(summary["samples"]) == settings.repeat, where
                assert summary["min"] <= summary["median"] <= summary["max"], where
            assert all(wall > 0 for wall in variant["wall_s"]["samples"]), where
            assert min(variant["span_s"]) >= settings.min_time, f"{where}: a span too short"
            assert len(variant["calls"]) == settings.repeat, where
            assert all(cpu > 0 for cpu in variant["cpu_s"]["samples"]), where


def quick_run(tmp_path: Path, names: list[str], extra: list[str]) -> dict:
    output = tmp_path / "results.json"
    result = run([*HARNESS, *names, "--quick", *extra, "--output", str(output)], timeout=240)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "the harness wrote to stderr (a warning?)"
    assert not result.leftovers, "the harness left processes running"
    for name in names:
        assert f"## {BENCHMARKS[name].TITLE}" in result.stdout
    results = json.loads(output.read_text())
    assert list(results["benchmarks"]) == names
    assert results["settings"]["quick"] is True
    check_results(results)
    return results


def test_quick_run_writes_json_with_every_benchmark_and_the_machine(tmp_path: Path) -> None:
    # --quick with one repeat and the smallest sizes: seconds, not the minute --quick allows.
    # The engines have their own test, in the group that runs clusters one at a time.
    smallest = ["--repeat", "1", "--warmup", "0", "--tasks", "50", "--sizes", "1K,10K"]
    quick_run(tmp_path, [name for name in BENCHMARKS if name != "engines"], smallest)


@pytest.mark.engines
@pytest.mark.xdist_group("clusters")
def test_the_engines_benchmark_measures_every_installed_engine(tmp_path: Path) -> None:
    results = quick_run(tmp_path, ["engines"], ["--repeat", "1", "--warmup", "0", "--tasks", "40"])
    measured = {
        variant["params"]["engine"] for variant in results["benchmarks"]["engines"]["variants"]
    }
    skipped = results["benchmarks"]["engines"]["skipped"]
    assert measured | set(skipped) == {"ProcessPoolExecutor", *engines.ENGINES}
    assert not measured & set(skipped)


def test_help_lists_every_benchmark_and_what_the_harness_needs() -> None:
    result = run([*HARNESS, "--help"], timeout=30)
    assert result.returncode == 0
    for name, module in BENCHMARKS.items():
        assert f"{name:<10} {module.HELP}" in result.stdout
    assert "Requires psutil" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["nosuch"], "unknown benchmark 'nosuch'"),
        (["--workers", "0"], "argument --workers: must be at least 1, got 0"),
        (["--workers", "-2"], "argument --workers: must be at least 1, got -2"),
        (["--repeat", "many"], "argument --repeat: 'many' is not a whole number"),
        (["--sizes", "abc"], "argument --sizes: 'abc' is not a size in bytes"),
        (["--sizes", "1K,lots"], "argument --sizes: 'lots' is not a size in bytes"),
        (["--min-time", "0"], "argument --min-time: must be more than 0, got 0"),
        (["--min-time", "soon"], "argument --min-time: 'soon' is not a number of seconds"),
    ],
    ids=[
        "unknown-benchmark",
        "zero-workers",
        "negative-workers",
        "repeat",
        "sizes",
        "one-size",
        "zero-min-time",
        "min-time",
    ],
)
def test_bad_arguments_give_one_line_and_exit_code_2(arguments: list[str], complaint: str) -> None:
    result = run([*HARNESS, *arguments], timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"{PROG}: error: ")
    assert complaint in result.stderr


def test_a_missing_psutil_gives_one_line_and_exit_code_2() -> None:
    hide_psutil = (
        "import runpy, sys; sys.modules['psutil'] = None; "
        f"runpy.run_module({PACKAGE!r}, run_name='__main__', alter_sys=True)"
    )
    result = run([sys.executable, "-c", hide_psutil, "--quick"], timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"{PROG}: error: psutil is not installed; run `pip install psutil`\n"


def test_the_pages_and_the_makefile_run_the_harness_by_its_package_name() -> None:
    commands = {PROG, CHARTS_PROG, PREDICT_PROG}
    assert commands == {
        f"python -m {PACKAGE}",
        f"python -m {PACKAGE}.charts",
        f"python -m {PACKAGE}.predict",
    }
    for path in [*PERFORMANCE.glob("*.md"), ROOT / "Makefile"]:
        for module in re.findall(r"python -m (examples[\w.]*\w)", path.read_text()):
            assert f"python -m {module}" in commands, f"{path.name} runs {module}"
    makefile = (ROOT / "Makefile").read_text()
    assert f"python -m {PACKAGE} --output $(BENCH_JSON)" in makefile, "make bench"
    assert f"python -m {PACKAGE}.charts $(BENCH_JSON)" in makefile, "make charts"


def test_published_results_come_from_a_full_run() -> None:
    results = json.loads(PUBLISHED.read_text())
    assert results["settings"]["quick"] is False
    assert results["settings"]["repeat"] >= 5
    check_results(results)


def test_charts_and_tables_are_regenerated_from_the_published_json(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from examples.performance.harness.charts import write_all

    write_all(json.loads(PUBLISHED.read_text()), tmp_path)
    for folder in ("charts", "tables"):
        fresh = {path.name: path.read_bytes() for path in (tmp_path / folder).iterdir()}
        committed = {path.name: path.read_bytes() for path in (PERFORMANCE / folder).iterdir()}
        assert sorted(committed) == sorted(fresh), f"docs/performance/{folder} has other files"
        stale = [name for name in fresh if fresh[name] != committed[name]]
        assert stale == [], "run `make charts` and commit the result"
