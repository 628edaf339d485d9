"""The built site, its loopback server and Chromium for the site tests; the budget table at the end.

The browser tests are split into a few xdist groups (run the suite with `--dist loadgroup`): each
worker that gets a group builds the site once, serves it and starts its own Chromium. One group
would put every page load on a single worker, the longest chain of the whole run.

This folder is named `test_site` (not `browser`) so that pytest loads this conftest at start-up,
in the xdist controller too: that is where `pytest_terminal_summary` prints the budget table.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from filelock import FileLock

from tests.test_site.built_site import BUILDERS, Site, SiteServer, build_site
from tests.test_site.traffic import BUDGET_BYTES, BUDGET_REQUESTS, KIB

# $CHROMIUM if set (the workflow points it at Playwright's build), else Debian's chromium
# (`make browser-deps`), else Playwright's own (`python -m playwright install chromium`).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests may run as root in a container
    # Any host but the test server is unresolvable, so a request to a CDN fails fast (and is
    # reported by the tests) instead of reaching the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

_BUDGET_ROWS: list[dict] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--site-builder",
        choices=BUILDERS,
        default="mkdocs",
        help="build the site under test with MkDocs (the published site) or Zensical",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "zensical_lacks(feature): checks a feature the Zensical build does not have yet; strict"
        " xfail under --site-builder zensical, so the day Zensical has it the run says so",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--site-builder") != "zensical":
        return
    for item in items:
        for mark in item.iter_markers("zensical_lacks"):
            item.add_marker(pytest.mark.xfail(reason=f"Zensical lacks {mark.args[0]}", strict=True))


@pytest.fixture(scope="session")
def site(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Site]:
    """The site built with `mkdocs build --strict` (or --site-builder) and served on 127.0.0.1
    with gzip."""
    directory = tmp_path_factory.mktemp("site")
    server = SiteServer(directory)  # bound already: the build needs its URL for site_url
    try:
        build_site(directory, server.url, request.config.getoption("--site-builder"))
        server.start()
        yield Site(directory, server.url)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def built_site(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str, request: pytest.FixtureRequest
) -> Site:
    """The site as published (production site_url), built once for all xdist workers.

    For the tests that only read the built files (links, downloads, copied code): they need no
    server, so xdist may spread them over every worker, and the first worker to get here builds.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the folder all workers of this run share
    directory = shared / "published-site"
    with FileLock(shared / "published-site.lock"):
        if not (directory / "sitemap.xml").exists():
            build_site(directory, None, request.config.getoption("--site-builder"))
    return Site(directory, url=None)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session; tests open their own contexts and pages."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:  # the message says what is missing; add how to get it
            pytest.fail(
                f"cannot start Chromium ({error}).\nInstall Debian's chromium (`make browser-deps`)"
                " or Playwright's (`python -m playwright install chromium`).",
                pytrace=False,
            )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def reader_page(browser) -> Iterator:
    """One tab that the page tests move from page to page, with the HTTP cache off, so that every
    visit loads cold. One tab, not one per visit: Chromium then reuses its renderer, which halves
    the CPU a visit costs (tab and context set-up was half of it)."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    yield page
    context.close()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collect the budget figures that tests record (also from xdist workers)."""
    if report.when == "call":
        _BUDGET_ROWS.extend(value for name, value in report.user_properties if name == "budget")


def pytest_terminal_summary(terminalreporter) -> None:
    if not _BUDGET_ROWS:
        return
    columns = [
        ("page", "page", "<"),
        ("KiB", "budget_kib", ">"),
        ("requests", "budget_requests", ">"),
        ("html", "html", ">"),
        ("css", "css", ">"),
        ("js", "js", ">"),
        ("fonts", "font", ">"),
        ("search", "search", ">"),
        ("other", "other", ">"),
        ("| images", "images", ">"),
    ]
    rows = sorted(_BUDGET_ROWS, key=lambda row: row["page"])
    cells = [[str(row[key]) for _, key, _ in columns] for row in rows]
    widths = [
        max(len(title), *(len(c[i]) for c in cells)) for i, (title, _, _) in enumerate(columns)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            f"{v:{align}{w}}" for v, w, (_, _, align) in zip(values, widths, columns, strict=True)
        )

    terminalreporter.section("page weight (transferred, gzip; cold cache)")
    terminalreporter.write_line(
        f"Budget: everything a page load fetches but images (HTML, CSS, JS, fonts, the search"
        f" worker and index, other: the sitemap), at most {BUDGET_BYTES // KIB} KiB in"
        f" {BUDGET_REQUESTS} requests. Apart (KiB/requests): images (charts and diagrams)."
    )
    terminalreporter.write_line(line([title for title, _, _ in columns]))
    for row in cells:
        terminalreporter.write_line(line(row))
