"""Charts (SVG, light and dark) and Markdown tables from a results file.

`python -m examples.performance.harness.charts results.json --out docs/performance`
writes `charts/<benchmark>-light.svg`, `charts/<benchmark>-dark.svg` and
`tables/<benchmark>.txt`; the charts need matplotlib. The same JSON always gives the
same bytes, so a test can tell a stale chart from a fresh one.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .engines import ENGINES
from .payload import human_bytes
from .predict import forecast_table, validation_table
from .report import (
    benchmarks_table,
    contended_warning,
    engine_table,
    machine_table,
    ratio_summary,
    table_for,
)

if TYPE_CHECKING:  # matplotlib is imported only to draw: the tables do without it
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

PROG = f"python -m {__package__}.charts"  # wherever the package is copied
RANGE = "min\N{EN DASH}max"

THEMES = {
    # Text and lines dark enough for Material's white page, or light enough for its
    # slate one; the background stays transparent. Colours: the Okabe-Ito palette,
    # safe for colour blindness.
    "light": {
        "text": "#333333",
        "grid": "#d9d9d9",
        "Pool": "#0072b2",
        "ProcessPoolExecutor": "#d55e00",
        "threads": "#009e73",
        "other": "#6e6e6e",
    },
    "dark": {
        "text": "#e6e6e6",
        "grid": "#4d4d4d",
        "Pool": "#56b4e9",
        "ProcessPoolExecutor": "#e69f00",
        "threads": "#2ecc9a",
        "other": "#a6a6a6",
    },
}


def family(label: str) -> str:
    """A variant's colour: one per API, threads and shared memory apart, grey for the
    rest."""
    if "ThreadPool" in label or label.startswith("shared_memory"):
        return "threads"
    if label.startswith("Pool"):
        return "Pool"
    if label.startswith("ProcessPoolExecutor"):
        return "ProcessPoolExecutor"
    return "other"


def setup(theme: dict) -> ModuleType:
    """matplotlib.pyplot, reset and styled for one theme."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcdefaults()
    plt.rcParams.update(
        {
            "svg.hashsalt": "futures-vs-multiprocessing",  # stable ids in the SVG
            "svg.fonttype": "none",  # text stays text: small files, the page's font
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],
            "font.size": 10,
            "text.color": theme["text"],
            "axes.labelcolor": theme["text"],
            "axes.edgecolor": theme["text"],
            "xtick.color": theme["text"],
            "ytick.color": theme["text"],
            "axes.grid": True,
            "grid.color": theme["grid"],
            "axes.axisbelow": True,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "legend.frameon": False,
            "savefig.transparent": True,
            "figure.figsize": (8, 4),
        }
    )
    return plt


# Each measurement is a dot at its median with whiskers from its min to its max over
# the timed rounds, never a bar: a bar's length means something only on a linear axis
# that starts at zero, and the pages' comparisons rest on the ranges. The caps mark a
# range's ends even where the dot covers most of it.
DOT = {"marker": "o", "markersize": 5, "elinewidth": 1.5, "capsize": 3}
INTERVAL_LABEL = f"dot: median, whiskers: {RANGE}"

# A chart draws one benchmark for one theme.
Chart = Callable[[ModuleType, dict, dict], "Figure"]


def spread(values: list[dict]) -> tuple[list[float], list[list[float]]]:
    """The medians, and their distances down to the min and up to the max, as
    matplotlib's `errorbar` takes them."""
    medians = [value["median"] for value in values]
    below = [value["median"] - value["min"] for value in values]
    above = [value["max"] - value["median"] for value in values]
    return medians, [below, above]


def plain_numbers(axis: Axis) -> None:
    """Label a log axis 0.1, 1, 10, quicker to read than powers of ten. An axis that
    shows fewer than four powers of ten also gets labels at 2 and 5 times each, and
    then no minor ticks, which would add bytes and little else. Call it once the data
    are drawn: it reads the axis's limits."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    low, high = (math.log10(limit) for limit in axis.get_view_interval())
    if math.floor(high) - math.ceil(low) + 1 < 4:
        axis.set_major_locator(LogLocator(subs=(1, 2, 5)))
        axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))


def interval_rows(ax: Axes, theme: dict, rows: list[tuple[str, dict]]) -> None:
    """One row per (label, value), the first on top, coloured by the label's API."""
    for position, (label, value) in enumerate(rows):
        median, error = spread([value])
        ax.errorbar(
            median,
            [position],
            xerr=error,
            color=theme[family(label)],
            linestyle="none",
            **DOT,
        )
    ax.set_yticks(range(len(rows)), [label for label, _ in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="y", linestyle=":")


def dots(plt: ModuleType, theme: dict, benchmark: dict, log: bool = False) -> Figure:
    """Every variant on its own row, in the benchmark's order. A linear axis need not
    start at zero: a dot's distance from the axis means nothing."""
    rows = [
        (variant["label"], variant["value"]) for variant in benchmark["variants"]
    ]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.2))
    interval_rows(ax, theme, rows)
    scale = ""
    if log:
        ax.set_xscale("log")
        plain_numbers(ax.xaxis)
        scale = ", log scale"
    ax.set_xlabel(f"{benchmark['unit']}{scale}, lower is better\n{INTERVAL_LABEL}")
    return fig


def log_dots(plt: ModuleType, theme: dict, benchmark: dict) -> Figure:
    """`dots` on a log axis, for variants orders of magnitude apart."""
    return dots(plt, theme, benchmark, log=True)


def nudged(
    positions: list[float], index: int, count: int, step: float
) -> list[float]:
    """Series `index` of `count` moved sideways by its share of `step`, so that
    ranges at one x don't hide each other; the tick still marks the true x."""
    shift = (index - (count - 1) / 2) * step
    return [position + shift for position in positions]


def lines(
    plt: ModuleType,
    theme: dict,
    benchmark: dict,
    x_key: str,
    x_label: str,
    tick_label: Callable[[int], str] = str,
) -> Figure:
    """One line per API against a numeric parameter, both axes log, each point with
    its range."""
    fig, ax = plt.subplots()
    by_api: dict[str, list[dict]] = {}
    for variant in benchmark["variants"]:
        by_api.setdefault(variant["params"]["api"], []).append(variant)
    for index, (api, variants) in enumerate(by_api.items()):
        # Nudged in decades, so that the gap is the same on the page at every x.
        exponents = [math.log10(variant["params"][x_key]) for variant in variants]
        xs = [10**x for x in nudged(exponents, index, len(by_api), 0.03)]
        medians, error = spread([variant["value"] for variant in variants])
        ax.errorbar(
            xs, medians, yerr=error, color=theme[family(api)], label=api, **DOT
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    plain_numbers(ax.yaxis)
    ticks = sorted({variant["params"][x_key] for variant in benchmark["variants"]})
    ax.set_xticks(ticks, [tick_label(tick) for tick in ticks])
    ax.minorticks_off()
    ax.set_xlabel(f"{x_label}, log scale")
    ax.set_ylabel(f"{benchmark['unit']}, log scale")
    ax.legend(title=INTERVAL_LABEL, title_fontsize=8, fontsize=9)
    return fig


def chunksize_chart(plt: ModuleType, theme: dict, benchmark: dict) -> Figure:
    """Cost per task against chunksize."""
    return lines(
        plt, theme, benchmark, "chunksize", "chunksize (tasks sent together)"
    )


def payload_chart(plt: ModuleType, theme: dict, benchmark: dict) -> Figure:
    """Cost per round trip against payload size."""
    return lines(plt, theme, benchmark, "bytes", "payload, each way", human_bytes)


def startup_chart(plt: ModuleType, theme: dict, benchmark: dict) -> Figure:
    """One panel per start method, one row per way of starting workers, one log
    axis."""
    variants = benchmark["variants"]
    methods = list(dict.fromkeys(v["params"]["start_method"] for v in variants))
    panels = [
        [v for v in variants if v["params"]["start_method"] == m] for m in methods
    ]
    fig, axes = plt.subplots(
        len(methods),
        1,
        sharex=True,
        squeeze=False,
        figsize=(8, 0.3 * len(variants) + 0.6 * len(methods) + 0.8),
        height_ratios=[len(panel) for panel in panels],
    )
    for ax, method, panel in zip(axes[:, 0], methods, panels, strict=True):
        interval_rows(ax, theme, [(v["params"]["what"], v["value"]) for v in panel])
        ax.set_title(method, loc="left", fontsize=10, fontweight="bold")
    bottom = axes[-1, 0]
    bottom.set_xscale("log")  # shared, with its ticks, by every panel
    plain_numbers(bottom.xaxis)
    bottom.set_xlabel(f"{benchmark['unit']}, log scale\n{INTERVAL_LABEL}")
    return fig


def scaling_chart(plt: ModuleType, theme: dict, benchmark: dict) -> Figure:
    """Speed-up and efficiency against workers, each with its range, ideal dashed.

    The speed-up is taken round by round, as the table takes it (`ratio_summary`):
    the serial loop's time in a round over the pool's in the same round. The rounds
    interleave the variants, so each pair ran under nearly the same conditions and a
    slow change in the machine's speed cancels; a ratio of numbers from different
    rounds (two medians, or one's median over the other's min or max) would carry it.
    Dot: the median of the rounds' ratios; whiskers: their min to max.
    """
    variants = benchmark["variants"]
    serial = next(v for v in variants if v["label"] == benchmark["baseline"])
    pools = [v for v in variants if v is not serial]
    workers = sorted({v["params"]["workers"] for v in pools})
    fig, (speed_ax, efficiency_ax) = plt.subplots(1, 2, figsize=(8, 3.8))
    ideal = {"linestyle": "--", "color": theme["other"], "label": "ideal"}
    speed_ax.plot(workers, workers, **ideal)
    efficiency_ax.plot(workers, [1] * len(workers), **ideal)
    apis = list(dict.fromkeys(v["params"]["api"] for v in pools))
    step = 0.03 * ((workers[-1] - workers[0]) or 1)
    for index, api in enumerate(apis):
        chosen = [v for v in pools if v["params"]["api"] == api]
        counts = [v["params"]["workers"] for v in chosen]
        speed_ups = [ratio_summary(serial, v) for v in chosen]
        efficiencies = [
            {key: speed_up[key] / count for key in ("median", "min", "max")}
            for speed_up, count in zip(speed_ups, counts, strict=True)
        ]
        xs = nudged(counts, index, len(apis), step)
        for ax, values in ((speed_ax, speed_ups), (efficiency_ax, efficiencies)):
            medians, error = spread(values)
            ax.errorbar(
                xs, medians, yerr=error, color=theme[family(api)], label=api, **DOT
            )
    for ax in (speed_ax, efficiency_ax):
        ax.set_xticks(workers)
        ax.set_xlabel("workers")
    speed_ax.set_ylabel("speed-up over the serial loop")
    speed_ax.set_ylim(bottom=0)
    efficiency_ax.set_ylabel("efficiency (speed-up / workers)")
    # Room above the ideal, and more if noise put a range above that: keep it seen.
    efficiency_ax.set_ylim(0, max(1.2, efficiency_ax.get_ylim()[1]))
    speed_ax.legend(
        fontsize=8,
        title=f"ratio per round, {INTERVAL_LABEL}",
        title_fontsize=8,
        loc="lower right",
    )
    return fig


# The chart of each benchmark; any other benchmark gets `dots`, one row per variant.
CHARTS: dict[str, Chart] = {
    "overhead": log_dots,
    "chunksize": chunksize_chart,
    "payload": payload_chart,
    "sharedmem": log_dots,
    "startup": startup_chart,
    "scaling": scaling_chart,
    "samejob": dots,
    "engines": log_dots,
}

# The tables made from the whole results file, not from one benchmark: name -> maker.
RESULT_TABLES: dict[str, Callable[[dict], str]] = {
    "contended": contended_warning,
    "benchmarks": lambda results: benchmarks_table(),
    "machine": machine_table,
    "validation": validation_table,
    "forecast": forecast_table,
    **{
        f"engines-{engine}": functools.partial(engine_table, engine=engine)
        for engine in ENGINES
    },
}


def write_chart(out: Path, name: str, chart: Chart, benchmark: dict) -> list[Path]:
    """`out/<name>-light.svg` and `out/<name>-dark.svg`."""
    written = []
    for theme_name, theme in THEMES.items():
        plt = setup(theme)
        fig = chart(plt, theme, benchmark)
        fig.tight_layout()
        path = out / f"{name}-{theme_name}.svg"
        fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
        written.append(path)
    return written


def write_charts(results: dict, out: Path) -> list[Path]:
    """Every benchmark's chart, light and dark, in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, benchmark in results["benchmarks"].items():
        written += write_chart(out, name, CHARTS.get(name, dots), benchmark)
    return written


def write_tables(results: dict, out: Path) -> list[Path]:
    """Every benchmark's table, then the tables of the whole run, in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    texts = {name: table_for(name, b) for name, b in results["benchmarks"].items()}
    texts.update((name, make(results)) for name, make in RESULT_TABLES.items())
    written = []
    for name, text in texts.items():
        path = out / f"{name}.txt"
        path.write_text(text)
        written.append(path)
    return written


def write_all(results: dict, out: Path) -> list[Path]:
    """Write every chart and table for the results; return the paths written."""
    return write_charts(results, out / "charts") + write_tables(
        results, out / "tables"
    )


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(prog=PROG, description=__doc__)
    cli.add_argument(
        "results", type=Path, help="a JSON file written by the benchmarks"
    )
    cli.add_argument(
        "--out", type=Path, default=Path(), help="folder for charts/ and tables/"
    )
    args = cli.parse_args(argv)
    # A wrong file is the likely mistake: say which and why, exit 2, no traceback.
    try:
        written = write_all(json.loads(args.results.read_text()), args.out)
    except OSError as error:
        cli.error(f"{error.filename}: {error.strerror}")
    except KeyError as error:
        cli.error(f"{args.results}: no field {error}; is it a results file?")
    except (
        ValueError
    ) as error:  # not JSON, or variants with unequal numbers of rounds
        cli.error(f"{args.results}: {error}")
    for path in written:
        print(path)


if __name__ == "__main__":
    sys.exit(main())
