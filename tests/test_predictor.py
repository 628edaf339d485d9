"""The speed-up predictor: its model adds up as documented, its bad input costs one line and exit
code 2, it prints its table from a quick harness run, and its predictions hold against jobs it was
not fitted on, within a tolerance that a wrong model fails.

The validation times jobs, so it needs the machine to itself: it is marked `quiet`, and `make test`
runs the quiet tests alone, after the rest of the suite.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path

import pytest

from examples.performance.harness import predict
from examples.performance.harness.predict import ApiCosts, Job, Model
from tests.runner import Run, run
from tests.test_benchmarks import HARNESS

PREDICT = [sys.executable, "-m", "examples.performance.harness.predict"]
# Predicted against the measured median, as a share of the measured median. The published full
# run holds ±25 % (tests/test_benchmark_claims.py); here the fit and the jobs use quick sizes,
# whose single misses reached 48 % on this machine, so the quick check holds ±50 %: a model ten
# times off per byte still fails it (the last test).
TOLERANCE = 0.5
JOB = ["--task-time", "2ms", "--tasks", "1000", "--payload", "10K", "--workers", "4"]


def test_the_model_adds_start_up_compute_and_dispatch() -> None:
    costs = ApiCosts(
        per_task=1e-6,
        per_trip=100e-6,
        round_trips=((1000, 0.2e-3), (100_000, 0.4e-3)),
        startup={"spawn": 0.050},
    )
    model = Model({"Pool.map": costs}, {"spawn": 0.030}, fit_workers=2, cores=2)
    job = Job(
        task_time=2e-3, tasks=1000, payload=10_000, workers=2, start_method="spawn", api="Pool.map"
    )
    per_byte = (0.4e-3 - 0.2e-3) / (100_000 - 1000)
    dispatch = 1000 * (1e-6 + 100e-6 / 10 + per_byte * 10_000)
    assert model.wall(job, 10) == pytest.approx(0.050 + 50 * 10 * 2e-3 + dispatch)
    # Each worker beyond the fitted two costs what the second cost: 50 - 30 ms.
    assert model.startup("Pool.map", "spawn", 4) == pytest.approx(0.090)
    assert model.startup("Pool.map", "spawn", 1) == pytest.approx(0.030)
    # More workers than cores: the compute runs on the cores, the start-up is paid for each.
    four = dataclasses.replace(job, workers=4)
    assert model.wall(four, 10) == pytest.approx(0.090 + 50 * 10 * 2e-3 + dispatch)
    chunksize = model.recommend(job)
    assert chunksize & (chunksize - 1) == 0, "a power of two"
    assert chunksize <= 1000 / 2, "at most n / w"


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--task-time=-2ms", "--tasks", "10"], "argument --task-time: must be more than 0"),
        (["--task-time", "fast", "--tasks", "10"], "'fast' is not a duration"),
        (["--task-time", "2ms", "--tasks", "0"], "argument --tasks: must be at least 1, got 0"),
        ([*JOB, "--workers", "0"], "argument --workers: must be at least 1, got 0"),
        ([*JOB, "--payload=-10K"], "argument --payload: sizes must be positive, got '-10K'"),
        ([*JOB, "--start-method", "threads"], "argument --start-method: invalid choice"),
        (["--task-time", "2ms"], "--task-time and --tasks are required"),
        ([*JOB, "--results", "{tmp}/not-json.txt"], "not-json.txt is not a results file"),
    ],
    ids=[
        "negative-time",
        "unparseable-time",
        "zero-tasks",
        "zero-workers",
        "negative-payload",
        "unknown-method",
        "no-tasks",
        "not-json",
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(
    arguments: list[str], complaint: str, tmp_path: Path
) -> None:
    (tmp_path / "not-json.txt").write_text("these are not results\n")
    arguments = [argument.format(tmp=tmp_path) for argument in arguments]
    result = run([*PREDICT, *arguments], timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"{predict.PROG}: error: ")
    assert complaint in result.stderr


@pytest.fixture(scope="module")
def fitted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A results file from a quick harness run of the benchmarks the model is fitted on."""
    path = tmp_path_factory.mktemp("predictor") / "results.json"
    # The payload sizes the validation jobs need the fit to span (10 KB to 1 MB around 100 KB).
    sizes = ["--sizes", "1K,10K,100K,1M"]
    result = run([*HARNESS, "--quick", *predict.NEEDED, *sizes, "--output", str(path)], timeout=240)
    assert result.returncode == 0, result.stderr
    assert not result.leftovers, "the harness left processes running"
    return path


def predicted(results: Path) -> Run:
    result = run([*PREDICT, *JOB, "--results", str(results)], timeout=240)
    assert result.returncode == 0, result.stderr
    assert not result.leftovers
    return result


@pytest.mark.xdist_group("predictor")
def test_the_command_prints_a_table_and_a_chunksize(fitted: Path) -> None:
    result = predicted(fitted)
    assert result.stderr == ""
    stdout = result.stdout
    assert "| API | chunksize | predicted wall (s) | speed-up |" in stdout
    for api in ("Pool.map", "ProcessPoolExecutor.map"):
        assert f"| {api} |" in stdout
    assert "(recommended" in stdout
    assert "Recommended chunksize: Pool.map " in stdout


@pytest.mark.xdist_group("predictor")
def test_a_results_file_that_lacks_a_benchmark_is_completed_first(
    fitted: Path, tmp_path: Path
) -> None:
    partial = tmp_path / "results.json"
    results = json.loads(fitted.read_text())
    del results["benchmarks"]["startup"]
    partial.write_text(json.dumps(results))
    stdout = predicted(partial).stdout  # the harness's progress goes to stderr
    assert stdout.startswith(f"{partial} lacks startup: running `")
    assert "Recommended chunksize: " in stdout
    assert "startup" in json.loads(partial.read_text())["benchmarks"]


def outside_tolerance(rows: list[dict]) -> list[str]:
    """The validation rows whose prediction misses the measured median by more than TOLERANCE."""
    return [
        f"{row['job']}, {row['api']}, chunksize {row['chunksize']}: {row['error']:+.0%}"
        for row in rows
        if abs(row["error"]) > TOLERANCE
    ]


def validate(results: Path) -> dict:
    """Time the validation jobs (quick sizes, as the results' settings say) into the file."""
    result = run([*PREDICT, "--results", str(results), "--validate"], timeout=240)
    assert result.returncode == 0, result.stderr
    assert not result.leftovers
    return json.loads(results.read_text())


@pytest.fixture(scope="module")
def validated(fitted: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("validation") / "results.json"
    shutil.copy(fitted, path)
    validate(path)
    return path


@pytest.mark.quiet
@pytest.mark.xdist_group("predictor")
def test_predictions_hold_within_the_tolerance(validated: Path) -> None:
    """One retry: something else may wake up during one run."""
    results = json.loads(validated.read_text())
    misses = outside_tolerance(predict.validation_rows(results))
    if misses:
        results = validate(validated)
        misses = outside_tolerance(predict.validation_rows(results))
    assert misses == [], predict.validation_table(results)


class TenfoldPayload(ApiCosts):
    """A deliberately wrong cost: every byte ten times what was measured."""

    def per_byte(self, payload: int) -> float:
        return 10 * super().per_byte(payload)


@pytest.mark.quiet
@pytest.mark.xdist_group("predictor")
def test_a_wrong_model_fails_the_tolerance(validated: Path) -> None:
    """The negative control: the check above can fail, and fails where the model is wrong."""
    results = json.loads(validated.read_text())
    model = predict.fit(results)
    wrong = dataclasses.replace(
        model,
        apis={
            api: TenfoldPayload(*(getattr(costs, f.name) for f in dataclasses.fields(costs)))
            for api, costs in model.apis.items()
        },
    )
    misses = outside_tolerance(predict.validation_rows_for(wrong, results))
    payload_jobs = [row for row in predict.validation_rows(results) if "KB each way" in row["job"]]
    assert payload_jobs, "the validation has jobs with a payload"
    assert any(row["job"] in miss for miss in misses for row in payload_jobs), misses
