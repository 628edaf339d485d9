"""Markdown tables from the results: the CLI prints them
and the site includes them."""

# The tables use the en dash of ranges and the multiplication sign.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import statistics
from collections.abc import Iterable

from .suite import BENCHMARKS


def number(value: float) -> str:
    """Three significant figures, without scientific notation
    for the sizes seen here."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) >= 0.001 else f"{value:.2g}"


# Children's CPU time is counted in clock ticks (10 ms on Linux):
# shorter spans show no ratio.
SHORTEST_FOR_CPU_SHARE = 0.1


def cpu_share(variant: dict) -> str:
    """CPU seconds per wall second: about the number of cores kept busy,
    processes included."""
    spans = (
        variant.get("span_s") or variant["wall_s"]["samples"]
    )  # schema 1 had no spans
    if min(spans) < SHORTEST_FOR_CPU_SHARE:
        return "–"
    return number(variant["cpu_s"]["median"] / variant["wall_s"]["median"])


def _spread(value: dict) -> str:
    return f"{number(value['min'])}–{number(value['max'])}"


def round_ratios(numerator: dict, denominator: dict) -> list[float]:
    """The ratio of two variants of one benchmark, round by round.

    Every variant's n-th sample was taken in the same round, minutes apart at most,
    so a ratio per round cancels most of the drift that the two medians' ratio would
    carry; its range over the rounds is the ratio's spread.
    """
    pairs = zip(
        numerator["value"]["samples"], denominator["value"]["samples"], strict=True
    )
    return [a / b for a, b in pairs]


def ratio_summary(numerator: dict, denominator: dict) -> dict:
    """Median, min and max of the round-by-round ratio."""
    ratios = round_ratios(numerator, denominator)
    return {
        "median": statistics.median(ratios),
        "min": min(ratios),
        "max": max(ratios),
    }


def _ratio(numerator: dict, denominator: dict) -> str:
    ratio = ratio_summary(numerator, denominator)
    return (
        f"{number(ratio['median'])}× ({number(ratio['min'])}–{number(ratio['max'])})"
    )


def markdown_table(benchmark: dict) -> str:
    """One row per variant: median and min–max per item, the ratio to the baseline,
    CPU use."""
    variants = benchmark["variants"]
    baseline = next(
        (v for v in variants if v["label"] == benchmark["baseline"]), None
    )
    speed_up = benchmark["unit"] == "s"  # whole jobs: show how many times faster
    ratio_heading = "speed-up (range)" if speed_up else "× baseline (range)"
    unit = benchmark["unit"]
    rows = [
        f"| variant | items | median ({unit}) | min–max | "
        + (f"{ratio_heading} | " if baseline else "")
        + "CPU / wall |",
        "|---|--:|--:|--:|" + ("--:|" if baseline else "") + "--:|",
    ]
    for variant in variants:
        value = variant["value"]
        cells = [
            variant["label"],
            f"{variant['items']:,}",
            number(value["median"]),
            _spread(value),
        ]
        if baseline:
            cells.append(
                _ratio(baseline, variant) if speed_up else _ratio(variant, baseline)
            )
        cells.append(cpu_share(variant))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def scaling_table(benchmark: dict) -> str:
    """Speed-up and efficiency (speed-up / workers) for each API and worker count."""
    variants = benchmark["variants"]
    serial = next(v for v in variants if v["label"] == benchmark["baseline"])
    rows = [
        (
            "| API | workers | median (s) | min–max | speed-up (range) | efficiency "
            "| CPU / wall |"
        ),
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for variant in variants:
        workers = variant["params"]["workers"]
        speed_up = ratio_summary(serial, variant)["median"]
        rows.append(
            f"| {variant['params']['api']} | {workers} "
            f"| {number(variant['value']['median'])} | {_spread(variant['value'])} "
            f"| {_ratio(serial, variant)} | {speed_up / workers:.0%} "
            f"| {cpu_share(variant)} |"
        )
    return "\n".join(rows) + "\n"


def table_for(name: str, benchmark: dict) -> str:
    """The table the site shows for a benchmark."""
    return (
        scaling_table(benchmark) if name == "scaling" else markdown_table(benchmark)
    )


def machine_table(results: dict) -> str:
    """The machine and the conditions the numbers were taken under,
    contention flag first."""
    machine, conditions, settings = (
        results["machine"],
        results["conditions"],
        results["settings"],
    )
    build = "free-threaded" if machine["free_threaded"] else "with the GIL"
    checks = conditions["checks"]
    rows = [
        ("CPU", machine["cpu_model"] + _clock(machine)),
        (
            "CPUs",
            f"{machine['cpu_count']} logical, "
            f"{machine['usable_cpus']} usable by the process"
            + (
                f" (cgroup cpu.max: {machine['cgroup_cpu_max']})"
                if (machine.get("cgroup_cpu_max") or "max").split()[0]
                != "max"  # a quota
                else ""
            ),
        ),
        ("Physical cores", _cores(machine)),
        (
            "Memory",
            f"{machine['memory_gib']} GiB"
            if machine.get("memory_gib")
            else "unknown",
        ),
        ("OS", machine["os"]),
        ("Python", f"{machine['implementation']} {machine['python']}, {build}"),
        ("Start method", f"{settings['start_method']} (startup tries every method)"),
        ("Workers", str(settings["workers"])),
        (
            "Repeats",
            f"{settings['repeat']} timed after {settings['warmup']} warm-up",
        ),
        ("Date", results["date"]),
        ("Command", f"`{results['command']}`"),
        (
            "Load average",
            f"{_load(conditions['load_before'])} before, "
            f"{_load(conditions['load_after'])} after " + "(1, 5 and 15 minutes)",
        ),
        (
            "Calibration loop",
            (
                f"{len(checks)} checks on {settings['workers']} cores at once, "
                "before, between rounds and after: "
                f"{_range(c['loop_wall_s'] * 1e3 for c in checks)} ms, "
                f"{_range(c['cpu_share'] * 100 for c in checks)} % of a core"
            ),
        ),
        (
            "Other processes",
            (
                f"{conditions['others_cpu_s']:.1f} CPU-seconds, "
                f"{conditions['others_share']:.0%} of the machine's CPU time "
                f"during the {conditions['elapsed_s']:.0f} s run"
            ),
        ),
        (
            "Contended",
            "**yes**: " + "; ".join(conditions["reasons"])
            if conditions["contended"]
            else "no",
        ),
    ]
    return "| measured on | |\n|---|---|\n" + "".join(
        f"| {key} | {value} |\n" for key, value in rows
    )


def benchmarks_table() -> str:
    """The benchmarks `--help` lists, for the page."""
    rows = "".join(
        f"| `{name}` | {module.TITLE} | {module.HELP} |\n"
        for name, module in BENCHMARKS.items()
    )
    return "| name | measures | what runs |\n|---|---|---|\n" + rows


def contended_warning(results: dict) -> str:
    """An admonition for the pages when the run was flagged;
    nothing when it was not."""
    conditions = results["conditions"]
    if not conditions["contended"]:
        return ""
    reasons = "".join(f"    - {reason}\n" for reason in conditions["reasons"])
    return (
        '!!! warning "The harness flagged this run"\n\n'
        "    Its contention check found the machine less steady than it requires\n"
        "    (the reasons below), so absolute times are noisier than on a steady\n"
        "    machine, and a range can be wider than the APIs' own variation.\n"
        "    Ratios taken round by round hold better: the variants of a benchmark\n"
        "    ran interleaved, under the same conditions. The reasons it gave:\n\n"
        f"{reasons}"
    )


def _range(values: Iterable[float]) -> str:
    values = list(values)
    return f"{min(values):.0f}–{max(values):.0f}"


def _clock(machine: dict) -> str:
    """The clock and governor, where the OS reports them
    (a VM often reports a fixed value)."""
    parts = []
    if machine.get("cpu_mhz"):
        parts.append(f"{machine['cpu_mhz']['current']} MHz reported")
    if machine.get("cpu_governor"):
        parts.append(f"governor {machine['cpu_governor']}")
    return f" ({', '.join(parts)})" if parts else ""


def _cores(machine: dict) -> str:
    physical = machine.get("physical_cores") or "not reported"
    smt = {
        True: "SMT on: logical CPUs share cores",
        False: "no SMT",
        None: "SMT not reported",
    }
    return f"{physical} ({smt[machine.get('smt')]})"


def _load(values: list[float] | None) -> str:
    return (
        "unknown"
        if values is None
        else " / ".join(f"{value:.2f}" for value in values)
    )


def engine_table(results: dict, engine: str) -> str:
    """One engine beside ProcessPoolExecutor, row by row,
    from the engines benchmark."""
    benchmark = results["benchmarks"].get("engines")
    if benchmark is None or engine in benchmark.get("skipped", [engine]):
        return f"The published run did not measure {engine}: it was not installed.\n"
    rows = {}
    for variant in benchmark["variants"]:
        what = variant["label"].split(": ", 1)[1]
        rows.setdefault(what, {})[variant["params"]["engine"]] = variant
    baseline = "ProcessPoolExecutor"
    lines = [
        (
            f"| {benchmark['unit']} | {baseline} | {engine} "
            f"| {engine} ÷ {baseline} (range) |"
        ),
        "|---|--:|--:|--:|",
    ]
    for what, pair in rows.items():
        ours, theirs = pair[baseline], pair[engine]
        lines.append(
            f"| {what} "
            f"| {number(ours['value']['median'])} ({_spread(ours['value'])}) "
            f"| {number(theirs['value']['median'])} ({_spread(theirs['value'])}) "
            f"| {_ratio(theirs, ours)} |"
        )
    return "\n".join(lines) + "\n"
