"""The command line: choose benchmarks and sizes, run them, print tables,
write the JSON."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import multiprocessing
import sys
from pathlib import Path

from .contention import Monitor, load_average
from .measure import Settings, machine, measure, psutil, usable_cpus
from .report import machine_table, table_for
from .suite import BENCHMARKS

# The command that runs this package, wherever it is copied.
PROG = f"python -m {__package__}"
REQUIRES = "psutil, which reads the process table on Linux, macOS and Windows"
FULL_SIZES = [10**3, 10**4, 10**5, 10**6, 10**7, 10**8]
QUICK_SIZES = [10**3, 10**5]
SUFFIXES = {"K": 10**3, "M": 10**6, "G": 10**9}


class Parser(argparse.ArgumentParser):
    """argparse, but a bad argument costs one line on stderr,
    not the whole usage text."""

    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def whole_number(minimum: int):
    """An argparse type: an int of at least `minimum`,
    or a one-line reason why not."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a whole number"
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"must be at least {minimum}, got {value}"
            )
        return value

    return convert


def byte_sizes(text: str) -> list[int]:
    """'1K,10M' -> [1000, 10000000]: decimal units, as the charts label them."""
    sizes = []
    for item in text.split(","):
        digits = item.strip().upper().removesuffix("B")
        factor = SUFFIXES.get(digits[-1:], 1)
        try:
            size = int(
                float(digits[:-1] if digits[-1:] in SUFFIXES else digits) * factor
            )
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{item!r} is not a size in bytes (e.g. 1000, 64K, 10M)"
            ) from None
        if size <= 0:
            raise argparse.ArgumentTypeError(f"sizes must be positive, got {item!r}")
        sizes.append(size)
    return sizes


def seconds(text: str) -> float:
    """An argparse type: a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds"
        ) from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def parser() -> argparse.ArgumentParser:
    listing = "\n".join(
        f"  {name:<10} {module.HELP}" for name, module in BENCHMARKS.items()
    )
    result = Parser(
        prog=PROG,
        description=(
            "Measure concurrent.futures and multiprocessing on this machine."
        ),
        epilog=f"benchmarks:\n{listing}\n\n"
        "With no benchmark named, all of them run.\n\n"
        f"Requires {REQUIRES} (pip install psutil).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    result.add_argument(
        "benchmarks",
        nargs="*",
        metavar="BENCHMARK",
        help="which to run (default: all)",
    )
    result.add_argument(
        "--quick",
        action="store_true",
        help="small sizes and 3 repeats: a smoke test, not data",
    )
    result.add_argument(
        "--repeat",
        type=whole_number(1),
        metavar="N",
        help="timed runs per variant (default 5)",
    )
    result.add_argument(
        "--warmup",
        type=whole_number(0),
        metavar="N",
        help="untimed runs first (default 1)",
    )
    result.add_argument(
        "--workers",
        type=whole_number(1),
        metavar="N",
        help="pool size, and the most workers scaling tries "
        "(default: the usable CPUs)",
    )
    result.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        help="for every benchmark but startup (default: this platform's default)",
    )
    result.add_argument(
        "--tasks",
        type=whole_number(1),
        metavar="N",
        help="tasks sent one by one in overhead (default 4000); "
        "batched variants get 25 times as many, the chunksize sweep twice as many",
    )
    result.add_argument(
        "--sizes",
        type=byte_sizes,
        metavar="LIST",
        help="payload sizes in bytes, e.g. 1K,1M,100M "
        "(default 1K to 100M, by factors of 10)",
    )
    result.add_argument(
        "--min-time",
        type=seconds,
        metavar="SECONDS",
        help="the shortest timed span: "
        "a variant's body repeats until its span lasts this long "
        "(default 0.1; 0.02 with --quick)",
    )
    result.add_argument(
        "--output",
        type=Path,
        default=Path("benchmark-results.json"),
        metavar="FILE",
        help="where to write the JSON (default: benchmark-results.json)",
    )
    return result


def settings_from(args: argparse.Namespace) -> Settings:
    quick = args.quick
    return Settings(
        quick=quick,
        repeat=args.repeat or (3 if quick else 5),
        warmup=1 if args.warmup is None else args.warmup,
        workers=args.workers or usable_cpus(),
        start_method=args.start_method
        or multiprocessing.get_context().get_start_method(),
        tasks=args.tasks or (200 if quick else 4000),
        sizes=args.sizes or (QUICK_SIZES if quick else FULL_SIZES),
        min_time=args.min_time or (0.02 if quick else 0.1),
    )


def main(argv: list[str] | None = None) -> None:
    cli = parser()
    args = cli.parse_args(argv)
    unknown = [name for name in args.benchmarks if name not in BENCHMARKS]
    if unknown:
        cli.error(
            f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)}"
        )
    if psutil is None:
        cli.exit(
            2, f"{PROG}: error: psutil is not installed; run `pip install psutil`\n"
        )
    names = args.benchmarks or list(BENCHMARKS)
    settings = settings_from(args)
    results = run(names, settings, argv if argv is not None else sys.argv[1:])
    print(f"\n## The machine\n\n{machine_table(results)}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"Wrote {args.output}")


def run(names: list[str], settings: Settings, argv: list[str]) -> dict:
    load_before = load_average()
    # The calibration loop runs on as many cores as the benchmarks keep busy at most.
    monitor = Monitor(min(settings.workers, usable_cpus()))
    monitor.check("before the run")
    print(
        f"{PROG}: {', '.join(names)} "
        f"({settings.repeat} repeats, {settings.warmup} warm-up)"
    )
    benchmarks = {}
    for name in names:
        module = BENCHMARKS[name]
        benchmark = {
            "title": module.TITLE,
            "unit": module.UNIT,
            "baseline": module.BASELINE,
            "variants": [],
            "skipped": getattr(
                module, "missing", list
            )(),  # optional parts not installed
        }
        if benchmark["skipped"]:
            print(
                f"{name}: not installed, so not measured: "
                f"{', '.join(benchmark['skipped'])}"
            )
        try:
            benchmark["variants"] = measure(
                module.variants(settings),
                settings.repeat,
                settings.warmup,
                module.SCALE,
                after_round=lambda number, name=name: monitor.check(
                    f"{name}, round {number + 1}"
                ),
            )
        finally:
            getattr(
                module, "close", lambda: None
            )()  # what the benchmark started, stopped
        benchmarks[name] = benchmark
        print(f"\n## {module.TITLE}\n\n{table_for(name, benchmark)}", flush=True)
    monitor.check("after the run")
    conditions = {
        "load_before": load_before,
        "load_after": load_average(),
        **monitor.verdict(),
    }
    if conditions["contended"]:
        print("\nFLAGGED: the contention check found the machine unsteady:")
        print("".join(f"- {reason}\n" for reason in conditions["reasons"]), end="")
    return {
        "schema": 2,
        "command": " ".join([PROG, *argv]),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime(
            "%Y-%m-%d %H:%M UTC"
        ),
        "settings": dataclasses.asdict(settings),
        "machine": machine(),
        "conditions": conditions,
        "benchmarks": benchmarks,
    }
