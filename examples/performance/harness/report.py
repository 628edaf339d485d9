"""Markdown tables from the results: the CLI prints them and the site includes them."""

# ruff: noqa: RUF001, RUF002 (the tables use the en dash of ranges and the multiplication sign)

from __future__ import annotations

from .suite import BENCHMARKS


def number(value: float) -> str:
    """Three significant figures, without scientific notation for the sizes seen here."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) >= 0.001 else f"{value:.2g}"


# Children's CPU time is counted in clock ticks (10 ms on Linux): shorter runs show no ratio.
SHORTEST_FOR_CPU_SHARE = 0.1


def cpu_share(variant: dict) -> str:
    """CPU seconds per wall second: about the number of cores kept busy, processes included."""
    wall = variant["wall_s"]["median"]
    if wall < SHORTEST_FOR_CPU_SHARE:
        return "–"
    return number(variant["cpu_s"]["median"] / wall)


def _spread(value: dict) -> str:
    return f"{number(value['min'])}–{number(value['max'])}"


def markdown_table(benchmark: dict) -> str:
    """One row per variant: median and min–max per item, the ratio to the baseline, CPU use."""
    variants = benchmark["variants"]
    baseline = next((v for v in variants if v["label"] == benchmark["baseline"]), None)
    speed_up = benchmark["unit"] == "s"  # whole jobs: show how many times faster
    ratio_heading = "speed-up" if speed_up else "× baseline"
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
            base = baseline["value"]["median"]
            ratio = base / value["median"] if speed_up else value["median"] / base
            cells.append(f"{number(ratio)}×")
        cells.append(cpu_share(variant))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def scaling_table(benchmark: dict) -> str:
    """Speed-up and efficiency (speed-up / workers) for each API and worker count."""
    variants = benchmark["variants"]
    serial = next(v for v in variants if v["label"] == benchmark["baseline"])
    base = serial["value"]["median"]
    rows = [
        "| API | workers | median (s) | min–max | speed-up | efficiency | CPU / wall |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for variant in variants:
        workers = variant["params"]["workers"]
        speed_up = base / variant["value"]["median"]
        rows.append(
            f"| {variant['params']['api']} | {workers} | {number(variant['value']['median'])} | "
            f"{_spread(variant['value'])} | {number(speed_up)}× | {speed_up / workers:.0%} | "
            f"{cpu_share(variant)} |"
        )
    return "\n".join(rows) + "\n"


def table_for(name: str, benchmark: dict) -> str:
    """The table the site shows for a benchmark."""
    return scaling_table(benchmark) if name == "scaling" else markdown_table(benchmark)


def machine_table(results: dict) -> str:
    """The machine and the conditions the numbers were taken under, contention flag first."""
    machine, conditions, settings = results["machine"], results["conditions"], results["settings"]
    build = "free-threaded" if machine["free_threaded"] else "with the GIL"
    calibration = conditions["calibration_before"], conditions["calibration_after"]
    rows = [
        ("CPU", machine["cpu_model"]),
        (
            "CPUs",
            f"{machine['cpu_count']} logical, {machine['usable_cpus']} usable by the process"
            + (
                f" (cgroup cpu.max: {machine['cgroup_cpu_max']})"
                if (machine.get("cgroup_cpu_max") or "max").split()[0] != "max"  # a quota
                else ""
            ),
        ),
        ("Memory", f"{machine['memory_gib']} GiB" if machine.get("memory_gib") else "unknown"),
        ("OS", machine["os"]),
        ("Python", f"{machine['implementation']} {machine['python']}, {build}"),
        ("Start method", f"{settings['start_method']} (startup tries every method)"),
        ("Workers", str(settings["workers"])),
        ("Repeats", f"{settings['repeat']} timed after {settings['warmup']} warm-up"),
        ("Date", results["date"]),
        ("Command", f"`{results['command']}`"),
        (
            "Load average",
            f"{_load(conditions['load_before'])} before, {_load(conditions['load_after'])} after "
            + "(1, 5 and 15 minutes)",
        ),
        (
            "Calibration loop",
            " / ".join(
                f"{run['wall_s'] * 1e3:.0f} ms at {run['cpu_share']:.0%} of a core"
                for run in calibration
            )
            + " (before / after)",
        ),
        (
            "Contended",
            "**yes**: " + "; ".join(conditions["reasons"]) if conditions["contended"] else "no",
        ),
    ]
    return "| measured on | |\n|---|---|\n" + "".join(
        f"| {key} | {value} |\n" for key, value in rows
    )


def benchmarks_table() -> str:
    """The benchmarks `--help` lists, for the page."""
    rows = "".join(
        f"| `{name}` | {module.TITLE} | {module.HELP} |\n" for name, module in BENCHMARKS.items()
    )
    return "| name | measures | what runs |\n|---|---|---|\n" + rows


def contended_warning(results: dict) -> str:
    """An admonition for the pages when the run was flagged; nothing when it was not."""
    conditions = results["conditions"]
    if not conditions["contended"]:
        return ""
    reasons = "".join(f"    - {reason}\n" for reason in conditions["reasons"])
    return (
        '!!! warning "Measured on a busy machine"\n\n'
        "    The harness flagged this run as contended: other work competed for the CPUs, so\n"
        "    absolute times are inflated and noisy, and speed-ups fall short of what an idle\n"
        "    machine gives. Ratios between variants of one benchmark hold better, since all of\n"
        "    them ran interleaved under the same load. The reasons it gave:\n\n"
        f"{reasons}"
    )


def _load(values: list[float] | None) -> str:
    return "unknown" if values is None else " / ".join(f"{value:.2f}" for value in values)
