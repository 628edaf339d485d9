"""Tables a reader can read whole: on a phone the failure matrix reads as cards, one a row with
each cell under its column's name; on a desktop every table of the failure and performance pages
shows its last column without a scroll; code in a table never breaks inside a word; and no text
on the site is smaller than 12 px, the size from which Lighthouse counts text as legible."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.runner import ROOT
from tests.test_site.built_site import Site, docs_page_paths, page_path
from tests.test_site.groups import FEATURES
from tests.test_site.test_pages import (
    AXE_COLOURS,
    AXE_CONTEXT,
    AXE_STRUCTURE,
    serious_violations,
)

pytestmark = [pytest.mark.browser, FEATURES]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
FAILURE_MATRIX = page_path(ROOT / "docs" / "failures" / "index.md")
PERFORMANCE = [page_path(path) for path in sorted((ROOT / "docs" / "performance").glob("*.md"))]
LEGIBLE_PX = 12  # Lighthouse's font-size audit counts smaller text as illegible
Opener = Callable[[Site, str, dict[str, int]], Page]

# Each table of the article, with Material's scrolling wrapper (added by its script), where the
# table would scroll sideways or run past the window.
OVERFLOWING_TABLES = """() => {
    const doc = document.documentElement;
    const found = doc.scrollWidth > doc.clientWidth
        ? [`the page scrolls sideways: ${doc.scrollWidth} px in ${doc.clientWidth} px`] : [];
    document.querySelectorAll("article table").forEach((table, index) => {
        const box = table.closest(".md-typeset__scrollwrap") || table;
        const right = table.getBoundingClientRect().right;
        if (box.scrollWidth > box.clientWidth)
            found.push(`table ${index + 1} scrolls: ${box.scrollWidth} px in ${box.clientWidth} px`);
        if (right > window.innerWidth)
            found.push(`table ${index + 1} ends at ${Math.round(right)} px, past the window`);
    });
    return found;
}"""

# Each cell that is hidden, runs past the window, holds text wider than itself, or, where the
# header row is out of sight (a table read as cards), does not show its column's name first.
CELLS_OUT_OF_SIGHT = """() => {
    const found = [];
    document.querySelectorAll("article table").forEach((table, index) => {
        const names = [...table.querySelectorAll("thead th")].map(
            th => th.textContent.trim().replace(/\\s+/g, " "));
        const headerShown = table.tHead && table.tHead.getBoundingClientRect().height > 1;
        table.querySelectorAll("tbody tr").forEach((row, rowIndex) => {
            [...row.cells].forEach((cell, column) => {
                const where = `table ${index + 1}, row ${rowIndex + 1}, column ${column + 1}`;
                const box = cell.getBoundingClientRect();
                if (!cell.checkVisibility({opacityProperty: true, visibilityProperty: true})
                        || box.width === 0 || box.height === 0)
                    found.push(`${where}: not shown`);
                else if (box.left < 0 || box.right > window.innerWidth)
                    found.push(`${where}: from ${box.left} to ${box.right} px`);
                else if (cell.scrollWidth > cell.clientWidth)
                    found.push(`${where}: text ${cell.scrollWidth} px wide in ${cell.clientWidth} px`);
                if (!headerShown && names[column]) {
                    const label = getComputedStyle(cell, "::before").content;
                    if (label !== JSON.stringify(names[column]))
                        found.push(`${where}: labelled ${label}, not "${names[column]}"`);
                }
            });
        });
    });
    return found;
}"""

# Each word of code in a table that is laid out on more than one line.
BROKEN_CODE_WORDS = """() => {
    const found = [];
    document.querySelectorAll("article table code").forEach(code => {
        const text = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        while (text.nextNode()) {
            for (const word of text.currentNode.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(text.currentNode, word.index);
                range.setEnd(text.currentNode, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.bottom)));
                if (lines.size > 1) found.push(`${word[0]} (on ${lines.size} lines)`);
            }
        }
    });
    return found;
}"""

# Each shown piece of text under 12 px, with its element and font size. Text for screen readers
# only, clipped to a pixel, is not shown.
SMALL_TEXT = """(legible) => {
    const found = new Set();
    const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (text.nextNode()) {
        const element = text.currentNode.parentElement;
        const box = element.getBoundingClientRect();
        if (!text.currentNode.data.trim() || !element.checkVisibility({visibilityProperty: true})
                || box.width <= 1 || box.height <= 1) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < legible) {
            const where = element.closest("[class]");
            found.add(`${element.localName} in .${where ? where.classList[0] : "?"}: ${size} px`
                + ` ("${text.currentNode.data.trim().slice(0, 30)}")`);
        }
    }
    return [...found];
}"""


@pytest.fixture
def window(browser: Browser) -> Iterator[Opener]:
    """Open a page of the site in a fresh light-scheme context of a given window size."""
    contexts = []

    def open_at(site: Site, path: str, size: dict[str, int]) -> Page:
        context = browser.new_context(viewport=size, color_scheme="light")
        contexts.append(context)
        page = context.new_page()
        page.goto(site.url + path, wait_until="networkidle")
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.zensical_lacks(
    "MkDocs hooks: overrides/hooks/table_labels.py gives each cell its column's name"
)
def test_the_failure_matrix_reads_as_cards_on_a_phone(site: Site, window: Opener) -> None:
    page = window(site, FAILURE_MATRIX, PHONE)
    assert page.locator("article table[data-stacked]").count() > 0, "no table is marked"
    assert page.evaluate(OVERFLOWING_TABLES) == []
    assert page.evaluate(CELLS_OUT_OF_SIGHT) == []
    assert page.evaluate(BROKEN_CODE_WORDS) == []
    axe = Axe()
    violations = axe.run(page, context=AXE_CONTEXT, options=AXE_STRUCTURE).response["violations"]
    violations += axe.run(page, context=AXE_CONTEXT, options=AXE_COLOURS).response["violations"]
    assert serious_violations(violations) == []


@pytest.mark.parametrize("path", [FAILURE_MATRIX, *PERFORMANCE])
def test_every_table_shows_its_last_column_on_a_desktop(
    site: Site, window: Opener, path: str
) -> None:
    page = window(site, path, DESKTOP)
    assert page.locator("article table").count() > 0, "no table to check"
    assert page.evaluate(OVERFLOWING_TABLES) == []
    assert page.evaluate(CELLS_OUT_OF_SIGHT) == []
    assert page.evaluate(BROKEN_CODE_WORDS) == []


def test_no_text_is_smaller_than_12_px_on_a_phone(site: Site, window: Opener) -> None:
    """On every page: small text is set per kind of element (a table, an admonition, a footnote,
    the footer) and by what holds it (code in an admonition), which any page may combine."""
    page = window(site, "", PHONE)
    small = {}
    for path in docs_page_paths():
        # Styles are final by then: the page's scripts, at the end of its body, wait for its
        # stylesheets, and DOMContentLoaded waits for the scripts. Images need not load.
        page.goto(site.url + path, wait_until="domcontentloaded")
        found = page.evaluate(SMALL_TEXT, LEGIBLE_PX)
        if found:
            small[f"/{path}"] = found
    assert small == {}
