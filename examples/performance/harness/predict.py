r"""Predict a job's wall time and speed-up from the harness's measurements,
and pick a chunksize.

Run it from the folder that holds `examples/`:

    python -m examples.performance.harness.predict --task-time 2ms --tasks 1000 \
        --payload 10K

It reads the harness's JSON (`--results`, default benchmark-results.json); when the
file is missing or lacks a benchmark the model needs, it runs the harness for those
first. With `--validate` it times the jobs of `validation.py` instead and prints
predicted against measured.

The model, for `n` tasks of `t` seconds each, `p` bytes sent to each task and
returned, `w` workers started with method `m`, chunksize `c`, on a machine with
`cores` CPUs:

    wall     = s(m, w) + compute + dispatch
    compute  = min(ceil(ceil(n / c) / w_eff) * c, n) * t   with w_eff = min(w, cores)
    dispatch = n * (o(c) + k * p)                          with o(c) = a + b / c
    speed-up = n * t / wall

- `o(c)` is the pool's own cost per task at chunksize `c`: `a` per task plus `b` per
  trip, fitted by least squares on 1/c to the chunksize sweep (trivial tasks, workers
  already started), for `Pool.map` and `ProcessPoolExecutor.map` separately. A
  negative `a` (noise) counts as 0.
- `k` is the cost per byte of a payload that goes to a worker and back, the slope of
  a least squares line through the payload round trips (`Pool.apply` for `Pool.map`,
  `ProcessPoolExecutor.submit` for the executor), fitted on the measured sizes from
  1 KB up to the first one at least `PAYLOAD_FIT_SPAN` times the job's payload: large
  sizes cost more per byte (caches), and a line through them all overcharges small
  payloads.
- `s(m, w)` is the start-up row of the same pool (create, every worker past a first
  task, shut down) for the run's `N` workers; each worker beyond `N` adds what each
  beyond the first cost there, `(s(m, N) - s1(m)) / (N - 1)`, with `s1` the row of
  one `Process` started and joined.
- `compute` is what the busiest worker computes: chunks go to whichever worker is
  free, so with tasks of equal length they come in rounds of `w_eff` chunks.

Why a sum and not `max(compute, dispatch)`: the parent sends the tasks and collects
the results while the workers compute, so the two could overlap; but the parent's
work needs a CPU too, and with as many workers as cores the workers hold them all.
`validation_table` shows the error of both forms, so each run of the validation
checks the choice. In the runs made while writing this (a 2-CPU machine, heavily
contended at the time), the max form missed by more on the jobs with many trips or a
payload and by the same on long tasks; one job of tiny tasks in one run was the
exception.

Assumptions, and where the model breaks:
- Tasks of equal length. Uneven tasks leave workers idle at the end, more so with
  large chunks: the model under-predicts, and the larger the recommended chunksize,
  the more it is exposed. Prefer a smaller chunksize for uneven work.
- An idle machine. Other programs' CPU time is not in the model: on a busy machine
  the measured wall exceeds the prediction (and the harness's contention check flags
  the run).
- The CPU is the only resource. Tasks that stream through memory share its bandwidth
  and slow each other as workers are added; the model does not see that.
- No more busy workers than cores: `w_eff` caps the parallel part at the core count,
  but workers beyond it still cost start-up and time-slicing, and other programs take
  cores too.
- Dispatch does not shrink with more workers: one parent thread sends every task,
  whatever the worker count, and the fit saw only the run's own workers, under its
  start method.
- Tasks that release the GIL (NumPy, I/O) could run on threads instead,
  with no pickling and no start-up; this model prices processes only.
- The forecast for other worker counts (`forecast_table`) extrapolates start-up
  linearly and assumes as many idle cores as workers: it is a forecast, not a
  measurement.
"""

# ruff: noqa: RUF001, RUF002 (the tables use the multiplication sign and en dash)

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import multiprocessing
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from . import validation
from .cli import Parser, byte_sizes, settings_from, whole_number
from .cli import parser as harness_parser
from .cli import run as run_harness
from .measure import Settings, measure, psutil, usable_cpus
from .payload import human_bytes
from .report import number

PROG = f"python -m {__package__}.predict"  # also when run as __main__
HARNESS = f"python -m {__package__}"
NEEDED = ("chunksize", "payload", "startup")
APIS = {"pool": "Pool.map", "executor": "ProcessPoolExecutor.map"}
ROUND_TRIP_API = {
    "Pool.map": "Pool.apply",
    "ProcessPoolExecutor.map": "ProcessPoolExecutor.submit",
}
STARTUP_PREFIX = {
    "Pool.map": "Pool(",
    "ProcessPoolExecutor.map": "ProcessPoolExecutor(",
}
PAYLOAD_FIT_SPAN = 10
NEAR_TIE = (
    0.01  # a chunksize within 1 % of the best wall is as good, and smaller is safer
)
DURATION_UNITS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "ns": 1e-9}


class PredictionError(ValueError):
    """The results cannot give a prediction
    (a benchmark or a row the model needs is missing)."""


@dataclass(frozen=True)
class Job:
    """A job as the reader describes it."""

    task_time: float  # seconds per task, run serially
    tasks: int
    payload: int  # bytes sent to each task, and as many returned
    workers: int
    start_method: str
    api: str  # "Pool.map" or "ProcessPoolExecutor.map"


@dataclass(frozen=True)
class ApiCosts:
    per_task: float  # a, seconds
    per_trip: float  # b, seconds
    round_trips: tuple[
        tuple[int, float], ...
    ]  # (bytes, seconds) of the payload benchmark
    startup: dict[str, float]  # start method -> seconds for the run's workers

    def overhead(self, chunksize: int) -> float:
        """o(c): the pool's own seconds per task at this chunksize."""
        return self.per_task + self.per_trip / chunksize

    def per_byte(self, payload: int) -> float:
        """k: seconds per byte of a round trip,
        fitted on the sizes around this payload."""
        sizes = sorted(self.round_trips)
        upto = next(
            (
                i
                for i, (size, _) in enumerate(sizes)
                if size >= PAYLOAD_FIT_SPAN * payload
            ),
            len(sizes) - 1,
        )
        fitted = sizes[: max(upto + 1, 2)]
        if len(fitted) < 2:
            raise PredictionError("the payload benchmark needs at least two sizes")
        slope, _ = statistics.linear_regression(
            [float(size) for size, _ in fitted], [cost for _, cost in fitted]
        )
        return max(slope, 0.0)


@dataclass(frozen=True)
class Model:
    """The costs fitted from one run of the harness."""

    apis: dict[str, ApiCosts]
    process_startup: dict[str, float]  # one Process started and joined, per method
    fit_workers: int
    cores: int  # usable CPUs of the machine that ran the harness
    combine: str = (
        "sum"  # how compute and dispatch add up: "sum", or "max" (they overlap)
    )

    def startup(self, api: str, method: str, workers: int) -> float:
        """s(m, w): create the pool, start every worker, shut it down."""
        known = self.apis[api].startup
        if method not in known:
            raise PredictionError(
                f"the results have no {api} start-up row for {method!r}"
            )
        pool = known[method]
        first = self.process_startup.get(method)
        if self.fit_workers > 1 and first is not None:
            each = max(pool - first, 0.0) / (self.fit_workers - 1)
        else:
            each = pool / self.fit_workers
        return max(pool + (workers - self.fit_workers) * each, each)

    # --8<-- [start:model]
    def wall(self, job: Job, chunksize: int, cores: int | None = None) -> float:
        """Predicted seconds from creating the pool to having shut it down."""
        parallel = min(job.workers, cores or self.cores)
        rounds = math.ceil(math.ceil(job.tasks / chunksize) / parallel)
        compute = min(rounds * chunksize, job.tasks) * job.task_time
        costs = self.apis[job.api]
        dispatch = job.tasks * (
            costs.overhead(chunksize) + costs.per_byte(job.payload) * job.payload
        )
        both = (
            compute + dispatch if self.combine == "sum" else max(compute, dispatch)
        )
        return self.startup(job.api, job.start_method, job.workers) + both

    # --8<-- [end:model]
    def recommend(self, job: Job, cores: int | None = None) -> int:
        """The smallest power of two within NEAR_TIE of the best predicted wall,
        up to n / w_eff."""
        parallel = min(job.workers, cores or self.cores)
        largest = max(1, job.tasks // parallel)
        candidates = [
            2**power for power in range(largest.bit_length()) if 2**power <= largest
        ]
        walls = {c: self.wall(job, c, cores) for c in candidates}
        best = min(walls.values())
        return min(c for c, wall in walls.items() if wall <= best * (1 + NEAR_TIE))


def pool_map_default(job: Job) -> int:
    """The chunksize Pool.map picks when given none."""
    return validation.pool_map_default(job.tasks, job.workers)


def missing(results: dict) -> list[str]:
    """The benchmarks the model needs that the results lack."""
    return [name for name in NEEDED if name not in results.get("benchmarks", {})]


def _seconds(variant: dict) -> float:
    """A variant's median wall seconds per item,
    whatever unit its benchmark reports in."""
    return variant["wall_s"]["median"] / variant["items"]


def fit(results: dict) -> Model:
    """Fit the model's costs to a results dict (the harness's JSON)."""
    if lacking := missing(results):
        raise PredictionError(
            f"the results lack the {', '.join(lacking)} benchmark(s)"
        )
    benchmarks = results["benchmarks"]
    workers = results["settings"]["workers"]
    startup_rows = [
        v
        for v in benchmarks["startup"]["variants"]
        if v["params"].get("creation_timed")
    ]
    apis = {}
    for api in APIS.values():
        sweep = [
            v
            for v in benchmarks["chunksize"]["variants"]
            if v["params"]["api"] == api
        ]
        if len({v["params"]["chunksize"] for v in sweep}) < 2:
            raise PredictionError(
                f"the chunksize sweep has fewer than two chunksizes for {api}"
            )
        per_trip, per_task = statistics.linear_regression(
            [1 / v["params"]["chunksize"] for v in sweep],
            [_seconds(v) for v in sweep],
        )
        trips = tuple(
            (v["params"]["bytes"], _seconds(v))
            for v in benchmarks["payload"]["variants"]
            if v["params"]["api"] == ROUND_TRIP_API[api]
        )
        startup = {
            v["params"]["start_method"]: _seconds(v)
            for v in startup_rows
            if v["params"]["what"].startswith(STARTUP_PREFIX[api])
        }
        apis[api] = ApiCosts(max(per_task, 0.0), max(per_trip, 0.0), trips, startup)
    process = {
        v["params"]["start_method"]: _seconds(v)
        for v in startup_rows
        if v["params"]["what"].startswith("Process:")
    }
    return Model(apis, process, workers, results["machine"]["usable_cpus"])


# Tables ----------------------------------------------------------------------------


def _speed_up(job: Job, wall: float) -> str:
    return f"{number(job.tasks * job.task_time / wall)}×"


def prediction_table(
    model: Model, jobs: list[Job], chunksize: int | None, cores: int | None = None
) -> str:
    """One row per API and chunksize worth showing: the reader's, the recommended,
    the default."""
    rows = [
        "| API | chunksize | predicted wall (s) | speed-up |",
        "|---|--:|--:|--:|",
    ]
    for job in jobs:
        default = pool_map_default(job) if job.api == "Pool.map" else 1
        notes: dict[int, list[str]] = {}
        if chunksize is not None:
            notes.setdefault(chunksize, []).append("yours")
        notes.setdefault(model.recommend(job, cores), []).append("recommended")
        notes.setdefault(default, []).append("the default")
        for size, why in notes.items():
            wall = model.wall(job, size, cores)
            rows.append(
                f"| {job.api} | {size:,} ({', '.join(why)}) | {number(wall)} | "
                f"{_speed_up(job, wall)} |"
            )
    return "\n".join(rows) + "\n"


def duration_text(seconds: float) -> str:
    for unit, factor in (("s", 1.0), ("ms", 1e-3)):
        if seconds >= factor:
            return f"{number(seconds / factor)} {unit}"
    return f"{number(seconds * 1e6)} µs"


def job_name(task_time: float, tasks: int, payload: int) -> str:
    """'1,000 × 2 ms, 10 KB each way': a job as the tables name it."""
    each_way = f", {human_bytes(payload)} each way" if payload else ""
    return f"{tasks:,} × {duration_text(task_time)}{each_way}"


def validation_rows(results: dict) -> list[dict]:
    """Each validation job: predicted and measured seconds,
    and the prediction's error."""
    if "validation" not in results.get("benchmarks", {}):
        raise PredictionError("the results lack the validation benchmark")
    return validation_rows_for(fit(results), results)


def validation_rows_for(model: Model, results: dict) -> list[dict]:
    """validation_rows with a given model
    (a test gives it a wrong one, to see it fail)."""
    rows = []
    overlapped = dataclasses.replace(
        model, combine="max"
    )  # the alternative form, shown too
    for variant in results["benchmarks"]["validation"]["variants"]:
        params = variant["params"]
        job = Job(
            params["task_time_s"],
            params["tasks"],
            params["payload_bytes"],
            params["workers"],
            params["start_method"],
            params["api"],
        )
        predicted = model.wall(job, params["chunksize"])
        measured = variant["wall_s"]
        rows.append(
            {
                "job": job_name(job.task_time, job.tasks, job.payload),
                "api": job.api,
                "chunksize": params["chunksize"],
                "predicted_s": predicted,
                "measured_s": measured["median"],
                "min_s": measured["min"],
                "max_s": measured["max"],
                "error": predicted / measured["median"] - 1,
                "error_max": overlapped.wall(job, params["chunksize"])
                / measured["median"]
                - 1,
            }
        )
    return rows


def _busy(results: dict) -> str:
    """A caption's warning when the harness flagged the run as contended."""
    if results.get("conditions", {}).get("contended"):
        return " The harness flagged the run: see its reasons in the results."
    return ""


def validation_table(results: dict) -> str:
    """The validation rows as Markdown,
    with the run's workers and start method in the caption."""
    settings = results["settings"]
    lines = [
        (
            f"Jobs the model was not fitted on, {settings['workers']} workers, "
            f"{settings['start_method']}, pool start and shutdown included; "
            "error = predicted / measured median − 1; "
            "the last column for the alternative form, "
            "max(compute, dispatch) instead of their sum."
        )
        + _busy(results),
        "",
        (
            "| job | API | chunksize | predicted (s) | measured median (s) "
            "| min–max | error | error, max form |"
        ),
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in validation_rows(results):
        lines.append(
            f"| {row['job']} | {row['api']} | {row['chunksize']:,} "
            f"| {number(row['predicted_s'])} | {number(row['measured_s'])} "
            f"| {number(row['min_s'])}–{number(row['max_s'])} "
            f"| {row['error']:+.0%} | {row['error_max']:+.0%} |"
        )
    return "\n".join(lines) + "\n"


FORECAST_JOBS = (  # (task time, tasks, payload bytes)
    (50e-3, 100, 0),
    (2e-3, 1000, 10_000),
    (100e-6, 100_000, 0),
    (10e-3, 200, 1_000_000),
)


def forecast_table(results: dict, workers: tuple[int, ...] = (4, 8, 16, 64)) -> str:
    """Speed-up at the recommended chunksize for a few jobs,
    with as many cores as workers."""
    model = fit(results)
    method = results["settings"]["start_method"]
    lines = [
        (
            "**Forecast, not measured**: "
            f"costs measured with {model.fit_workers} workers on "
            f"{model.cores} usable CPUs, start method {method}, "
            "extrapolated to as many idle cores as workers. "
            "Each cell: speed-up over the serial loop (recommended chunksize)."
        )
        + _busy(results),
        "",
        "| job | API | "
        + " | ".join(f"{count} workers" for count in workers)
        + " |",
        "|---|---|" + "--:|" * len(workers),
    ]
    for task_time, tasks, payload in FORECAST_JOBS:
        name = job_name(task_time, tasks, payload)
        for api in APIS.values():
            cells = []
            for count in workers:
                job = Job(task_time, tasks, payload, count, method, api)
                size = model.recommend(job, cores=count)
                cells.append(
                    f"{_speed_up(job, model.wall(job, size, cores=count))} "
                    f"({size:,})"
                )
            lines.append(f"| {name} | {api} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# Command line ----------------------------------------------------------------------


def duration(text: str) -> float:
    """An argparse type: '2ms', '150us', '1.5s' (or bare seconds) -> seconds,
    more than 0."""
    found = re.fullmatch(
        r"\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*(s|ms|us|µs|ns)?\s*", text, re.IGNORECASE
    )
    try:
        value = float(found[1]) * DURATION_UNITS[(found[2] or "s").lower()]
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration (e.g. 2ms, 150us, 1.5s)"
        ) from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text!r}")
    return value


def payload_size(text: str) -> int:
    """An argparse type: one size in bytes, as the harness's --sizes reads it,
    or 0."""
    if text.strip().upper().removesuffix("B") == "0":
        return 0
    sizes = byte_sizes(text)
    if len(sizes) != 1:
        raise argparse.ArgumentTypeError(f"one size, not a list: {text!r}")
    return sizes[0]


def parser() -> argparse.ArgumentParser:
    result = Parser(
        prog=PROG,
        description="Predict a job's wall time and speed-up on this machine "
        f"from the measurements of `{HARNESS}`, and recommend a chunksize.",
    )
    result.add_argument(
        "--task-time",
        type=duration,
        metavar="TIME",
        help="how long one task runs on its own, e.g. 2ms, 150us, 1.5s",
    )
    result.add_argument(
        "--tasks", type=whole_number(1), metavar="N", help="how many tasks"
    )
    result.add_argument(
        "--payload",
        type=payload_size,
        default=0,
        metavar="BYTES",
        help="sent to each task and returned, e.g. 10K (default 0)",
    )
    result.add_argument(
        "--workers",
        type=whole_number(1),
        metavar="N",
        help="default: the usable CPUs",
    )
    result.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        help="default: the results' start method",
    )
    result.add_argument(
        "--api", choices=("pool", "executor", "both"), default="both"
    )
    result.add_argument(
        "--chunksize",
        type=whole_number(1),
        metavar="N",
        help="default: recommend one",
    )
    result.add_argument(
        "--cores",
        type=whole_number(1),
        metavar="N",
        help="CPUs to forecast for (default: the results' usable CPUs)",
    )
    result.add_argument(
        "--results",
        type=Path,
        default=Path("benchmark-results.json"),
        metavar="FILE",
        help="the harness's JSON (default: benchmark-results.json; made if missing)",
    )
    result.add_argument(
        "--validate",
        action="store_true",
        help="time the validation jobs on this machine, "
        "add them to the results file, and print predicted against measured",
    )
    return result


def read_results(path: Path, cli: argparse.ArgumentParser) -> dict:
    """The results file, with the benchmarks the model needs run first
    if it lacks them."""
    results = None
    if path.exists():
        try:
            results = json.loads(path.read_text())
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            cli.error(f"{path} is not a results file: {error}")
        if not isinstance(results, dict) or not all(
            isinstance(results.get(key), dict)
            for key in ("benchmarks", "settings", "machine")
        ):
            cli.error(f"{path} is not a results file of {HARNESS}")
        if not (lacking := missing(results)):
            return results
    else:
        lacking = list(NEEDED)
    if psutil is None:
        cli.error("psutil is not installed; run `pip install psutil`")
    argv = [*lacking, "--repeat", "3"]
    if results is not None:  # measure as the file's other benchmarks were
        settings = results["settings"]
        argv += ["--workers", str(settings["workers"])]
        argv += ["--start-method", settings["start_method"]]
        argv += ["--quick"] if settings.get("quick") else []
    why = "lacks " + ", ".join(lacking) if results is not None else "does not exist"
    print(
        f"{path} {why}: running `{HARNESS} {' '.join(argv)}` first (a few minutes)"
    )
    # The harness's progress and tables go to stderr: stdout is the prediction.
    with contextlib.redirect_stdout(sys.stderr):
        fresh = run_harness(
            lacking, settings_from(harness_parser().parse_args(argv)), argv
        )
    if results is None:
        results = fresh
    else:
        results["benchmarks"].update(fresh["benchmarks"])
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    return results


def validate(results: dict, path: Path) -> str:
    """Time the validation jobs with the results' settings; store them;
    return the table."""
    settings = Settings(**results["settings"])
    variants = measure(
        validation.variants(settings),
        settings.repeat,
        max(settings.warmup, 1),
        validation.SCALE,
    )
    results["benchmarks"]["validation"] = {
        "title": validation.TITLE,
        "unit": validation.UNIT,
        "baseline": validation.BASELINE,
        "variants": variants,
    }
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    return validation_table(results)


def main(argv: list[str] | None = None) -> None:
    cli = parser()
    args = cli.parse_args(argv)
    if not args.validate and (args.task_time is None or args.tasks is None):
        cli.error("--task-time and --tasks are required (or --validate)")
    results = read_results(args.results, cli)
    try:
        if args.validate:
            print(validate(results, args.results), end="")
            return
        model = fit(results)
        method = args.start_method or results["settings"]["start_method"]
        workers = args.workers or usable_cpus()
        apis = list(APIS.values()) if args.api == "both" else [APIS[args.api]]
        jobs = [
            Job(args.task_time, args.tasks, args.payload, workers, method, api)
            for api in apis
        ]
        table = prediction_table(model, jobs, args.chunksize, args.cores)
    except (PredictionError, KeyError, TypeError) as error:
        cli.error(f"{args.results}: cannot fit the model: {error}")
    serial = args.tasks * args.task_time
    cores = args.cores or model.cores
    print(
        f"{job_name(args.task_time, args.tasks, args.payload)} (serial loop "
        f"{duration_text(serial)}), {workers} workers on {cores} cores, {method}; "
        f"costs from {args.results}\n"
    )
    print(table)
    if results.get("conditions", {}).get("contended"):
        print(f"The harness flagged {args.results} as measured on a busy machine.\n")
    recommended = ", ".join(
        f"{job.api} {model.recommend(job, args.cores):,}" for job in jobs
    )
    print(f"Recommended chunksize: {recommended}")


if __name__ == "__main__":
    main()
