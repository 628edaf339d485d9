"""Charts (SVG, light and dark) and Markdown tables from a results file; needs matplotlib.

`python -m examples.performance.harness.charts results.json --out docs/performance` writes
`charts/<benchmark>-light.svg`, `charts/<benchmark>-dark.svg` and `tables/<benchmark>.txt`.
The same JSON always gives the same bytes, so a test can tell a stale chart from a fresh one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .payload import human_bytes
from .report import benchmarks_table, contended_warning, machine_table, table_for

PROG = f"python -m {__package__}.charts"  # wherever the package is copied
RANGE = "min\N{EN DASH}max"

THEMES = {
    # Text and lines dark enough for Material's white page, or light enough for its slate one;
    # the background stays transparent. Colours: the Okabe-Ito palette, safe for colour blindness.
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
    """A variant's colour: one per API, threads and shared memory apart, grey for the rest."""
    if "ThreadPool" in label or label.startswith("shared_memory"):
        return "threads"
    if label.startswith("Pool"):
        return "Pool"
    if label.startswith("ProcessPoolExecutor"):
        return "ProcessPoolExecutor"
    return "other"


def setup(theme: dict):
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcdefaults()
    plt.rcParams.update(
        {
            "svg.hashsalt": "futures-vs-multiprocessing",  # stable ids in the SVG
            "svg.fonttype": "none",  # text stays text: small files, the page's own font
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


def _errors(values: list[dict]) -> list[list[float]]:
    return [
        [value["median"] - value["min"] for value in values],
        [value["max"] - value["median"] for value in values],
    ]


def bars(plt, theme: dict, benchmark: dict, log: bool):
    """Horizontal bars, median with a min-max whisker, first variant on top."""
    variants = benchmark["variants"]
    values = [variant["value"] for variant in variants]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(variants) + 1.2))
    positions = range(len(variants))
    ax.barh(
        positions,
        [value["median"] for value in values],
        xerr=_errors(values),
        color=[theme[family(variant["label"])] for variant in variants],
        ecolor=theme["text"],
        capsize=3,
    )
    ax.set_yticks(list(positions), [variant["label"] for variant in variants])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    if log:
        ax.set_xscale("log")
    ax.set_xlabel(f"{benchmark['unit']} (median, whiskers: {RANGE}; lower is better)")
    return fig


def lines(plt, theme: dict, benchmark: dict, x_key: str, x_label: str, tick_label=str):
    """One line per API against a numeric parameter, with the min-max band shaded."""
    fig, ax = plt.subplots()
    by_api: dict[str, list[dict]] = {}
    for variant in benchmark["variants"]:
        by_api.setdefault(variant["params"]["api"], []).append(variant)
    for api, variants in by_api.items():
        xs = [variant["params"][x_key] for variant in variants]
        values = [variant["value"] for variant in variants]
        color = theme[family(api)]
        ax.plot(xs, [value["median"] for value in values], marker="o", color=color, label=api)
        ax.fill_between(
            xs,
            [value["min"] for value in values],
            [value["max"] for value in values],
            color=color,
            alpha=0.2,
            linewidth=0,
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ticks = sorted({variant["params"][x_key] for variant in benchmark["variants"]})
    ax.set_xticks(ticks, [tick_label(tick) for tick in ticks])
    ax.minorticks_off()
    ax.set_xlabel(x_label)
    ax.set_ylabel(f"{benchmark['unit']} (median, band: {RANGE})")
    ax.legend()
    return fig


def startup_chart(plt, theme: dict, benchmark: dict):
    """Grouped bars: one group per start method, one bar per way of starting workers."""
    variants = benchmark["variants"]
    methods = list(dict.fromkeys(variant["params"]["start_method"] for variant in variants))
    kinds = list(dict.fromkeys(variant["params"]["what"] for variant in variants))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / len(kinds)
    shades = [1.0, 0.75, 0.5]
    for index, kind in enumerate(kinds):
        chosen = [v for v in variants if v["params"]["what"] == kind]
        values = [variant["value"] for variant in chosen]
        color = theme[family(kind)]
        warm = not chosen[0]["params"]["creation_timed"]
        ax.bar(
            [position + (index - (len(kinds) - 1) / 2) * width for position in range(len(methods))],
            [value["median"] for value in values],
            width,
            yerr=_errors(values),
            color=color,
            alpha=shades[1] if warm else shades[0],
            hatch="//" if warm else None,
            edgecolor=theme["text"] if warm else color,
            ecolor=theme["text"],
            capsize=2,
            label=kind,
        )
    ax.set_xticks(list(range(len(methods))), methods)
    ax.set_yscale("log")
    ax.grid(axis="x", visible=False)
    ax.set_ylabel(f"ms (median, whiskers: {RANGE})")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    return fig


def scaling_chart(plt, theme: dict, benchmark: dict):
    """Speed-up and efficiency against workers, with the ideal (the physical limit) dashed."""
    variants = benchmark["variants"]
    serial = next(v for v in variants if v["label"] == benchmark["baseline"])
    base = serial["value"]["median"]
    fig, (speed_ax, efficiency_ax) = plt.subplots(1, 2, figsize=(8, 3.8))
    workers = sorted({v["params"]["workers"] for v in variants if v is not serial})
    speed_ax.plot(workers, workers, linestyle="--", color=theme["other"], label="ideal")
    efficiency_ax.plot(
        workers, [1] * len(workers), linestyle="--", color=theme["other"], label="ideal"
    )
    for api in ("Pool.map", "ProcessPoolExecutor.map"):
        chosen = [v for v in variants if v["params"]["api"] == api]
        xs = [v["params"]["workers"] for v in chosen]
        speed = [base / v["value"]["median"] for v in chosen]
        color = theme[family(api)]
        speed_ax.plot(xs, speed, marker="o", color=color, label=api)
        efficiency_ax.plot(
            xs, [s / n for s, n in zip(speed, xs, strict=True)], marker="o", color=color, label=api
        )
    for ax in (speed_ax, efficiency_ax):
        ax.set_xticks(workers)
        ax.set_xlabel("workers")
    speed_ax.set_ylabel("speed-up over the serial loop")
    speed_ax.set_ylim(bottom=0)
    efficiency_ax.set_ylabel("efficiency (speed-up / workers)")
    efficiency_ax.set_ylim(0, 1.2)
    speed_ax.legend(fontsize=8)
    return fig


def figure(plt, theme: dict, name: str, benchmark: dict):
    if name == "chunksize":
        return lines(plt, theme, benchmark, "chunksize", "chunksize (tasks sent together)")
    if name == "payload":
        return lines(plt, theme, benchmark, "bytes", "payload, each way", human_bytes)
    if name == "startup":
        return startup_chart(plt, theme, benchmark)
    if name == "scaling":
        return scaling_chart(plt, theme, benchmark)
    return bars(plt, theme, benchmark, log=name in ("overhead", "sharedmem"))


def write_all(results: dict, out: Path) -> list[Path]:
    """Write every chart and table for the results; return the paths written."""
    (out / "charts").mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    written = []
    for name, benchmark in results["benchmarks"].items():
        for theme_name, theme in THEMES.items():
            plt = setup(theme)
            fig = figure(plt, theme, name, benchmark)
            fig.tight_layout()
            path = out / "charts" / f"{name}-{theme_name}.svg"
            fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
            plt.close(fig)
            written.append(path)
        path = out / "tables" / f"{name}.txt"
        path.write_text(table_for(name, benchmark))
        written.append(path)
    path = out / "tables" / "contended.txt"
    path.write_text(contended_warning(results))
    written.append(path)
    path = out / "tables" / "benchmarks.txt"
    path.write_text(benchmarks_table())
    written.append(path)
    path = out / "tables" / "machine.txt"
    path.write_text(machine_table(results))
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(prog=PROG, description=__doc__)
    cli.add_argument("results", type=Path, help="a JSON file written by the benchmarks")
    cli.add_argument("--out", type=Path, default=Path(), help="folder for charts/ and tables/")
    args = cli.parse_args(argv)
    results = json.loads(args.results.read_text())
    for path in write_all(results, args.out):
        print(path)


if __name__ == "__main__":
    sys.exit(main())
