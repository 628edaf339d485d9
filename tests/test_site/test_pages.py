"""Every page, as a first-time reader's browser loads it: clean, self-contained, light, accessible.

Each page is loaded once, with a cold cache, and the tests below read what that visit recorded:
what it requested and logged, what it weighed, and what axe-core found with every WCAG 2.1 A/AA
rule but the colour rules. The colour rules (contrast, links told apart from text) are the
costliest by far, and depend on the kind of element, not on the page: they run in the light and
the dark scheme on a set of pages that together contain every kind of element any page's article
has (each tag and CSS class), chosen from the built site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.test_site.built_site import Site, docs_page_paths
from tests.test_site.groups import FEATURES, page_group
from tests.test_site.traffic import BUDGET_BYTES, BUDGET_REQUESTS, KIB, SEARCH_INDEXES, Traffic

pytestmark = [pytest.mark.browser]

MISSING = "no-such-page/"  # answered with the site's 404 page, as a host does
PAGES = [*docs_page_paths(), MISSING]
# Each page's tests go to one group, so that its one visit serves them all.
PAGE_PARAMS = [
    pytest.param(path, id="/" + path, marks=page_group(i)) for i, path in enumerate(PAGES)
]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_STRUCTURE = {
    "runOnly": {"type": "tag", "values": WCAG_AA},
    "rules": {rule: {"enabled": False} for rule in COLOUR_RULES},
    "resultTypes": ["violations"],
}
AXE_COLOURS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
# Material's numbered code annotation markers are generated buttons without an accessible name,
# which the site's own markup cannot give them. Nothing else is excluded.
AXE_CONTEXT = {"exclude": [[".md-annotation__index"]]}
# Zensical 0.0.73 copies a heading with `<` in its code (`... on <module '__main__'`) into the
# navigation and the table of contents unescaped: a <code> element inside a <ul>.
ZENSICAL_UNESCAPED = {
    "reference/faq-start-up/": "Zensical lacks escaping of `<` in headings' code in its navigation"
}
SCHEMES = {"light": "default", "dark": "slate"}  # the reader's preference: Material's palette


@dataclass
class Visit:
    status: int
    traffic: Traffic
    weight: dict
    violations: list[dict]


@pytest.fixture(scope="session")
def visit(site: Site, reader_page: Page):
    """Load a page once (cold cache), record all the tests need, and reuse it for every test."""
    visits: dict[str, Visit] = {}

    def load(path: str) -> Visit:
        if path not in visits:
            visits[path] = _visit(site, reader_page, path)
        return visits[path]

    return load


def _visit(site: Site, page: Page, path: str) -> Visit:
    traffic = Traffic.watch(page, site.url)
    try:
        response = page.goto(site.url + path, wait_until="networkidle")
        assert response is not None
        # The search index loads when the reader first goes to search (overrides/main.html): go
        # there as a reader would, with "/", and wait for it (up to 10 s), so that the budget
        # counts what a page costs a reader who searches. Escape closes the search again.
        page.keyboard.press("/")
        for _ in range(100):
            if any(r.url.endswith(SEARCH_INDEXES) for r in traffic.responses):
                break
            page.wait_for_timeout(100)
        page.keyboard.press("Escape")
        weight = traffic.weight(path)
        result = Axe().run(page, context=AXE_CONTEXT, options=AXE_STRUCTURE)
        return Visit(response.status, traffic, weight, result.response["violations"])
    finally:
        traffic.stop(page)


def test_every_built_page_is_checked(built_site: Site) -> None:
    assert sorted(built_site.pages) == sorted(p for p in PAGES if p != MISSING)


@pytest.mark.parametrize("path", PAGE_PARAMS)
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


@pytest.mark.zensical_lacks(
    "a page load within the budget: its JavaScript is 57 KiB and its search index 130 KiB (gzip),"
    " the index with the code blocks, since Zensical runs no MkDocs hooks"
)
@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_page_weight_is_within_budget(visit, path: str, record_property) -> None:
    weight = visit(path).weight
    record_property("budget", weight)  # printed in the table at the end of the run
    assert weight["budget_bytes"] <= BUDGET_BYTES, (
        f"{weight['budget_kib']} KiB fetched (all but images), over the budget of"
        f" {BUDGET_BYTES // KIB} KiB"
    )
    assert weight["budget_requests"] <= BUDGET_REQUESTS


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_page_has_no_serious_accessibility_violation(visit, path: str, request) -> None:
    if path in ZENSICAL_UNESCAPED and request.config.getoption("--site-builder") == "zensical":
        request.applymarker(pytest.mark.xfail(reason=ZENSICAL_UNESCAPED[path], strict=True))
    serious = serious_violations(visit(path).violations)
    assert serious == [], "\n".join(serious)


def serious_violations(violations: list[dict]) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(
            f"  {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}"
            for node in violation["nodes"][:5]
        )
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]


def element_kinds(html: str) -> set[str]:
    """Each tag, and each tag.class, in a page's article: what the colour rules look at."""
    article = html[html.find("<article") : html.find("</article>")]
    kinds = set()
    for tag, attributes in re.findall(r"<([a-z][a-z0-9]*)\b([^>]*)>", article):
        kinds.add(tag)
        classes = re.search(r'\bclass="([^"]*)"', attributes)
        kinds.update(f"{tag}.{name}" for name in (classes.group(1).split() if classes else []))
    return kinds


def pages_covering_every_element_kind(site: Site) -> list[str]:
    """A small set of pages that together hold every element kind of the site (greedy cover)."""
    kinds = {path: element_kinds(site.html(path)) for path in site.pages}
    missing = set().union(*kinds.values())
    chosen = []
    while missing:
        best = max(kinds, key=lambda path: len(kinds[path] & missing))
        chosen.append(best)
        missing -= kinds[best]
    return [*chosen, MISSING]


@FEATURES
def test_colours_pass_in_light_and_dark_on_pages_covering_every_element_kind(
    site: Site, reader_page: Page
) -> None:
    failures = []
    for path in pages_covering_every_element_kind(site):
        reader_page.goto(site.url + path, wait_until="load")
        for scheme, palette in SCHEMES.items():
            failures += [
                f"/{path} ({scheme}): {v}" for v in colour_violations(reader_page, scheme, palette)
            ]
    reader_page.emulate_media(color_scheme="light")  # as the other tests expect it
    assert failures == [], "\n".join(failures)


def colour_violations(page: Page, scheme: str, palette: str) -> list[str]:
    # The palette follows the system's preference until the reader picks one.
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{palette}'")
    result = Axe().run(page, context=AXE_CONTEXT, options=AXE_COLOURS)
    return serious_violations(result.response["violations"])
