"""`make lighthouse`: Lighthouse on the built site, served with gzip as a host would, with budgets.

The site is built with the strict build the site tests use (tests/test_site/built_site.py), into a
temporary folder that nginx serves on 127.0.0.1 at a port chosen at run time, with gzip for HTML,
CSS, JavaScript, JSON and SVG. Each page gets a fresh headless Chromium (its own profile) that can
resolve no host but 127.0.0.1, and Lighthouse 12 (tools/lighthouse/package-lock.json) measures it
with its defaults: the mobile preset and simulated throttling. One page at a time: parallel runs
would share the two cores and slow each other's main thread, which the simulation reads.

Every run prints a table (the four category scores and the transfer of everything but images) and
fails with one line per page and budget missed. Every request must go to the site's own server.
nginx and every Chromium are stopped at the end however the run ends, and the run fails if a
process it started is still alive.

    .venv/bin/python -m tools.lighthouse.run [--page /failures/ ...] [--stricter performance=100]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

import psutil

from tests.sockets import free_loopback_port
from tests.test_site.built_site import ROOT, build_site

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
NGINX = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"

# The representative set: the home page; the decision page (its flowchart); the heaviest guide page
# (gzip HTML); the failure matrix (the widest table); the performance index (charts); the API map
# (tables on every screen); the Dask page (the heaviest page, gzip HTML); "Dead workers" (the
# largest HTML before gzip, the most to parse and lay out). Sizes as of December 2026: the page
# with the largest gzip HTML of the build is added when it is none of these.
PAGES = [
    "/",
    "/guide/which-one/",
    "/guide/sharing-data/",
    "/failures/",
    "/failures/dead-workers/",
    "/performance/",
    "/reference/api-map/",
    "/engines/dask/",
]

KIB = 1024
CATEGORIES = {  # Lighthouse's category id: (column title, lowest score allowed)
    "performance": ("performance", 95),
    "accessibility": ("accessibility", 100),
    "best-practices": ("best practices", 100),
    "seo": ("SEO", 100),
}
# Everything a page load fetches but images, gzip, headers included, as in tests/test_site/traffic.py.
TRANSFER_BUDGET_KIB = 180
IMAGES = (".png", ".svg", ".ico", ".jpg", ".webp")  # by name too: Chromium types a favicon "Other"

LIGHTHOUSE_TIMEOUT = 150  # seconds per page; a page took 13-20 s on two busy cores
RUN_TIMEOUT = 480  # seconds for the whole run, the build included (times --runs)
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",  # the run may be root in a container
    # Any host but the site's server is unresolvable: a request to a CDN fails (and is reported
    # below) instead of reaching the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    # Chromium's own background traffic (updates, safe browsing, sync) off, as Lighthouse's
    # launcher does.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    "--mute-audio",
]

NGINX_CONFIG = """\
daemon off;
master_process off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 64; }}
http {{
    types {{
        text/html html;
        text/css css;
        application/javascript js;
        application/json json;
        application/xml xml;
        image/svg+xml svg;
        image/png png;
        image/x-icon ico;
        text/plain txt out py;
    }}
    default_type application/octet-stream;
    log_format sizes '$status $bytes_sent $request_uri';
    access_log {run}/access.log sizes;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    sendfile on;
    gzip on;
    gzip_comp_level 6;
    gzip_vary on;
    gzip_types text/css application/javascript application/json application/xml image/svg+xml
        text/plain;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        error_page 404 /404.html;
    }}
}}
"""


def main() -> int:
    args = _arguments()
    minimum = {category: low for category, (_, low) in CATEGORIES.items()}
    transfer_budget = TRANSFER_BUDGET_KIB
    for name, value in args.stricter:  # a negative control: budgets may only be made stricter
        if name == "transfer" and value <= transfer_budget:
            transfer_budget = value
        elif name in minimum and value >= minimum[name]:
            minimum[name] = value
        else:
            sys.exit(f"lighthouse: --stricter {name}={value} would loosen the budget")
    for tool in (str(LIGHTHOUSE), NGINX, CHROMIUM):
        if not shutil.which(tool):
            sys.exit(f"lighthouse: {tool} is missing: run `make lighthouse-deps`")

    _stop_on_signals()
    _adopt_orphans()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fvm-lighthouse-") as scratch:
        run = Path(scratch)
        site = run / "site"
        site.mkdir()
        try:
            with _nginx(run, site) as url:
                build_site(site, url)
                pages = args.page or _representative(site)
                print(
                    f"lighthouse: {len(pages)} pages of the strict build at {url} (nginx, gzip),"
                    f" built in {time.monotonic() - started:.0f} s",
                    flush=True,
                )
                deadline = started + RUN_TIMEOUT * args.runs
                rows = [
                    _median(
                        [_measure(url, page, run, deadline, args.reports) for _ in range(args.runs)]
                    )
                    for page in pages
                ]
        finally:
            leftovers = _leftovers(run)
    _print_table(rows, minimum, transfer_budget)
    failures = [line for row in rows for line in _misses(row, minimum, transfer_budget)]
    failures += [f"still running after the run: {p}" for p in leftovers]
    print(f"lighthouse: {time.monotonic() - started:.0f} s in all", flush=True)
    if failures:
        print("\nlighthouse: FAILED", file=sys.stderr)
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--page",
        action="append",
        help="a page's path (e.g. /failures/) to measure instead of the representative set",
    )
    parser.add_argument(
        "--reports", type=Path, help="a folder to keep Lighthouse's JSON reports in"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="measure each page this many times and keep the run with the median performance"
        " score (for an odd number; default 1)",
    )
    parser.add_argument(
        "--stricter",
        action="append",
        default=[],
        type=_stricter,
        metavar="BUDGET=VALUE",
        help="a stricter budget, to see the check fail: performance, accessibility,"
        " best-practices or seo (lowest score), or transfer (most KiB); never looser",
    )
    return parser.parse_args()


def _stricter(text: str) -> tuple[str, int]:
    name, _, value = text.partition("=")
    if name not in (*CATEGORIES, "transfer") or not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected BUDGET=NUMBER, got {text!r}")
    return name, int(value)


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP end the run as Ctrl-C does, through every `finally` below."""

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)


def _adopt_orphans() -> None:
    """Become the reaper of orphaned descendants (Linux's PR_SET_CHILD_SUBREAPER): Chromium's
    helpers that outlive its main process are then reaped by `_stop`, not left as zombies."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)


def _representative(site: Path) -> list[str]:
    pages = list(PAGES)
    sizes = {
        "/" + str(html.parent.relative_to(site)).removeprefix(".") + "/": len(
            gzip.compress(html.read_bytes(), compresslevel=6)
        )
        for html in site.rglob("index.html")
    }
    heaviest = max(sizes, key=sizes.__getitem__).replace("//", "/")
    if heaviest not in pages:
        pages.append(heaviest)
    return pages


@contextlib.contextmanager
def _nginx(run: Path, site: Path) -> Iterator[str]:
    """nginx serving `site` at http://127.0.0.1:PORT/, PORT free at start; stopped on exit."""
    for _attempt in range(5):
        port = free_loopback_port()
        (run / "nginx.conf").write_text(NGINX_CONFIG.format(run=run, port=port, site=site))
        with (run / "nginx.stderr").open("w") as stderr:
            process = subprocess.Popen(
                [
                    NGINX,
                    "-p",
                    str(run),
                    "-c",
                    str(run / "nginx.conf"),
                    "-e",
                    str(run / "error.log"),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
            )
        try:
            url = f"http://127.0.0.1:{port}/"
            if _answers(url, process):
                yield url
                return
        finally:
            _stop(process)
    log = (run / "error.log").read_text() if (run / "error.log").exists() else ""
    sys.exit(f"lighthouse: nginx did not start on 127.0.0.1:\n{log}")


def _answers(url: str, process: subprocess.Popen) -> bool:
    """Whether the server at `url` answers within 10 s (any HTTP status), while `process` lives."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urlopen(url, timeout=2):
                return True
        except URLError as error:
            if getattr(error, "code", None):  # an HTTP error status: the server answered
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def _measure(url: str, page: str, run: Path, deadline: float, keep: Path | None) -> dict:
    """Lighthouse on one page, in a Chromium of its own; the figures the table shows."""
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=run))
    report = profile.with_suffix(".json")
    chromium = subprocess.Popen(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port = _devtools_port(profile, chromium)
        started = time.monotonic()
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url.rstrip("/") + page,
                f"--port={port}",
                "--hostname=127.0.0.1",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            check=False,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=max(1, min(LIGHTHOUSE_TIMEOUT, deadline - time.monotonic())),
            start_new_session=True,
        )
        if result.returncode != 0 or not report.exists():
            sys.exit(f"lighthouse: Lighthouse failed on {page}:\n{result.stderr[-3000:]}")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            name = page.strip("/").replace("/", "-") or "home"
            shutil.copy(report, keep / f"{name}.json")
        sent = _bytes_sent(run / "access.log")
        figures = _figures(page, json.loads(report.read_text()), url, sent)
        print(
            f"  {page}: measured in {time.monotonic() - started:.0f} s, performance"
            f" {figures['scores']['performance']}, Lighthouse's CPU benchmark index"
            f" {figures['benchmark_index']:.0f}",
            flush=True,
        )
        return figures
    finally:
        _stop(chromium)


def _median(runs: list[dict]) -> dict:
    """The run with the median performance score (the lower middle one for an even number)."""
    ordered = sorted(runs, key=lambda row: row["scores"]["performance"])
    return ordered[(len(ordered) - 1) // 2]


def _devtools_port(profile: Path, chromium: subprocess.Popen) -> int:
    """The DevTools port Chromium chose (it writes it to DevToolsActivePort in its profile)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and chromium.poll() is None:
        with contextlib.suppress(FileNotFoundError, ValueError):
            return int((profile / "DevToolsActivePort").read_text().split()[0])
        time.sleep(0.1)
    sys.exit(f"lighthouse: Chromium ({CHROMIUM}) did not start: is it installed?")


def _bytes_sent(log: Path) -> dict[str, int]:
    """What nginx sent for each path and query, headers included, in the first 200 response (its
    access log): the one the page load got. Lighthouse's later requests (a 304 when it reloads
    the page) are not what a reader pays."""
    sent: dict[str, int] = {}
    for line in log.read_text().splitlines():
        status, size, path = line.split(" ", 2)
        if status == "200":
            sent.setdefault(path, int(size))
    return sent


def _figures(page: str, report: dict, url: str, sent: dict[str, int]) -> dict:
    if report.get("runtimeError"):
        sys.exit(f"lighthouse: {page}: {report['runtimeError']['message']}")
    scores = {
        category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES
    }
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    origin = urlsplit(url).netloc
    # What the server sent for each request, from its log: Chromium reports only the headers of a
    # worker's script (Material's search worker) as its transfer size.
    transfer = sum(
        sent.get(_path(r["url"]), r.get("transferSize", 0))
        for r in requests
        if r.get("resourceType") != "Image" and not _path(r["url"]).endswith(IMAGES)
    )
    failing = {
        category: [
            f"{ref['id']} ({audits[ref['id']]['score']})"
            for ref in report["categories"][category]["auditRefs"]
            if ref.get("weight")
            and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
        for category in CATEGORIES
    }
    return {
        "page": page,
        "benchmark_index": report["environment"]["benchmarkIndex"],
        "scores": scores,
        "transfer_kib": transfer / KIB,
        "requests": len(requests),
        "foreign": sorted(
            {
                r["url"]
                for r in requests
                if urlsplit(r["url"]).scheme not in ("data", "blob")
                and urlsplit(r["url"]).netloc != origin
            }
        ),
        "failing": failing,
        "main_thread": [
            f"{item['groupLabel']} {item['duration']:.0f} ms"
            for item in audits["mainthread-work-breakdown"]["details"]["items"][:3]
        ],
        "metrics": {
            name: audits[name]["displayValue"]
            for name in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "cumulative-layout-shift",
                "speed-index",
            )
        },
    }


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _print_table(rows: list[dict], minimum: dict[str, int], transfer_budget: int) -> None:
    titles = ["page"] + [title for title, _ in CATEGORIES.values()] + ["KiB but images"]
    budget = ["budget"] + [f">= {minimum[c]}" for c in CATEGORIES] + [f"<= {transfer_budget}"]
    cells = [
        [row["page"]] + [str(row["scores"][c]) for c in CATEGORIES] + [f"{row['transfer_kib']:.1f}"]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [titles, budget, *cells]) for i in range(len(titles))]
    print("\nLighthouse 12 (mobile, simulated throttling); transfer: gzip, headers included")
    for line in [titles, budget, *cells]:
        print(
            "  ".join(
                f"{v:<{w}}" if i == 0 else f"{v:>{w}}"
                for i, (v, w) in enumerate(zip(line, widths, strict=True))
            )
        )


def _misses(row: dict, minimum: dict[str, int], transfer_budget: int) -> list[str]:
    page = row["page"]
    lines = []
    for category, (title, _) in CATEGORIES.items():
        score = row["scores"][category]
        if score < minimum[category]:
            detail = ", ".join(row["failing"][category]) or "no single audit below 1"
            if category == "performance":
                detail = ", ".join(f"{k} {v}" for k, v in row["metrics"].items())
                detail += "; main thread (simulated): " + ", ".join(row["main_thread"])
            lines.append(f"{page}: {title} {score} < {minimum[category]} ({detail})")
    if row["transfer_kib"] > transfer_budget:
        lines.append(
            f"{page}: transfer {row['transfer_kib']:.1f} KiB > {transfer_budget} KiB"
            f" (everything but images, {row['requests']} requests in all)"
        )
    lines += [f"{page}: a request to another host: {url}" for url in row["foreign"]]
    return lines


def _stop(process: subprocess.Popen) -> None:
    """End `process`, then anything left of its process group: the leader gets SIGTERM (Chromium
    then ends and reaps its own helpers), and after 10 s, or once it is gone, the group SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    # Reap the group's orphans (adopted by `_adopt_orphans`) until the group is empty.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for child in psutil.Process().children():
            with contextlib.suppress(psutil.Error, ChildProcessError):
                if child.status() == psutil.STATUS_ZOMBIE:
                    os.waitpid(child.pid, 0)
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)


def _leftovers(run: Path) -> list[str]:
    """Processes still alive whose command line names the run's folder (nginx, Chromium): killed
    and returned, so the run fails."""
    found = []
    for process in psutil.process_iter(["pid", "cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if str(run) in cmdline and process.pid != os.getpid():
            found.append(f"{process.pid} {cmdline[:120]}")
            with contextlib.suppress(psutil.Error):
                process.kill()
    return found


if __name__ == "__main__":
    sys.exit(main())
