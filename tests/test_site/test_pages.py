"""Every page, as a first-time reader's browser loads it: clean, self-contained, light, accessible.

Each page is loaded once, with a cold cache, and everything the tests below check is recorded
from that visit: what it requested and logged, what it weighed, and what axe-core found in the
light and then the dark colour scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.test_site.built_site import Site, docs_page_paths
from tests.test_site.traffic import BUDGET_BYTES, BUDGET_REQUESTS, KIB, Traffic

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

MISSING = "no-such-page/"  # answered with the site's 404 page, as a host does
PAGES = [*docs_page_paths(), MISSING]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "light": {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    # Only colours change with the scheme, so the dark pass runs only the colour rules.
    "dark": {
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
        "resultTypes": ["violations"],
    },
}
# Material's numbered code annotation markers are generated buttons without an accessible name,
# which the site's own markup cannot give them. Nothing else is excluded.
AXE_CONTEXT = {"exclude": [[".md-annotation__index"]]}


@dataclass
class Visit:
    status: int
    traffic: Traffic
    weight: dict
    violations: dict[str, list[dict]]


@pytest.fixture(scope="module")
def visit(site: Site, browser: Browser):
    """Load a page once (cold cache), record all the tests need, and reuse it for every test."""
    visits: dict[str, Visit] = {}

    def load(path: str) -> Visit:
        if path not in visits:
            visits[path] = _visit(site, browser, path)
        return visits[path]

    return load


def _visit(site: Site, browser: Browser, path: str) -> Visit:
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        traffic = Traffic.watch(page, site.url)
        response = page.goto(site.url + path, wait_until="networkidle")
        assert response is not None
        # The search worker fetches the index in the background; wait for it (up to 10 s), so the
        # figures reported apart from the budget are complete.
        for _ in range(100):
            if any(r.url.endswith("/search/search_index.json") for r in traffic.responses):
                break
            page.wait_for_timeout(100)
        weight = traffic.weight(path)
        violations = {}
        for scheme, material_name in (("light", "default"), ("dark", "slate")):
            # The palette follows the system's preference until the reader picks one.
            page.emulate_media(color_scheme=scheme)
            page.wait_for_function(
                f"document.body.getAttribute('data-md-color-scheme') === '{material_name}'"
            )
            result = Axe().run(page, context=AXE_CONTEXT, options=AXE_OPTIONS[scheme])
            violations[scheme] = result.response["violations"]
        return Visit(response.status, traffic, weight, violations)
    finally:
        context.close()


def page_id(path: str) -> str:
    return "/" + path


def test_every_built_page_is_checked(site: Site) -> None:
    assert sorted(site.pages) == sorted(p for p in PAGES if p != MISSING)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_loads_without_errors_from_this_site_only(site: Site, visit, path: str) -> None:
    result = visit(path)
    traffic = result.traffic
    failed, errors = traffic.failed, traffic.console_errors
    if path == MISSING:
        assert result.status == 404
        # The browser reports the missing page itself, once; nothing else may fail.
        assert failed == [f"404 {site.url}{path}"]
        assert len([e for e in errors if "404" in e]) == 1
        failed, errors = [], [e for e in errors if "404" not in e]
    else:
        assert result.status == 200
    assert traffic.foreign == [], "every request must go to the site's own server"
    assert failed == []
    assert errors == []


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_weight_is_within_budget(visit, path: str, record_property) -> None:
    weight = visit(path).weight
    record_property("budget", weight)  # printed in the table at the end of the run
    assert weight["budget_bytes"] <= BUDGET_BYTES, (
        f"{weight['budget_kib']} KiB of HTML, CSS, JS and fonts, over the budget of"
        f" {BUDGET_BYTES // KIB} KiB"
    )
    assert weight["budget_requests"] <= BUDGET_REQUESTS


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_has_no_serious_accessibility_violation(visit, path: str, scheme: str) -> None:
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(
            f"  {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}"
            for node in violation["nodes"][:5]
        )
        for violation in visit(path).violations[scheme]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
