"""What readers do with this site's own pages and choices: search a pasted error, pick an API tab,
copy an example, read a flowchart. Each test drives the built site in Chromium. Material's own
behaviour (the palette toggle, the phone drawer) is Material's to test, not this project's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from overrides.flowchart import FONT, THEMES, Flowchart, every_flowchart, plain, rendered
from tests.catalog import catalog
from tests.runner import ROOT
from tests.test_site.built_site import Site, page_path
from tests.test_site.groups import FEATURES
from tests.test_site.traffic import Traffic

pytestmark = [pytest.mark.browser, FEATURES]

# What readers paste into the search box, and the pages whose answer must be the first result:
# fixed here, so the test cannot agree with a wrong search index by reading it.
SEARCHES = {
    "BrokenProcessPool": {"reference/faq-broken-pools/"},
    "PicklingError": {"reference/faq-pickling/"},
    "Can't get attribute": {"reference/faq-start-up/"},
    "daemonic processes are not allowed to have children": {"reference/faq-broken-pools/"},
    "TimeoutError": {"failures/", "failures/shutdown-and-timeouts/"},
    "OOM": {"failures/dead-workers/", "reference/faq-broken-pools/"},
}
SEARCH_INDEX = "/search/search_index.json"
MARKER_LINE = re.compile(r"^.*-+8<-+\s+\[\s*(?:start|end)\s*:.*$\n?", re.MULTILINE)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def open_page(
    context: BrowserContext, site: Site, path: str, wait_until: str = "networkidle"
) -> tuple[Page, Traffic]:
    page = context.new_page()
    traffic = Traffic.watch(page, site.url)
    page.goto(site.url + path, wait_until=wait_until)
    return page, traffic


def assert_clean(traffic: Traffic) -> None:
    assert traffic.foreign == []
    assert traffic.failed == []
    assert traffic.console_errors == []


def follow_link_instantly(page: Page, site: Site, target: str) -> None:
    """Click a visible link to `target` and check that instant navigation handled it."""
    page.evaluate("window.__stillTheSameDocument = true")
    url = site.url + target
    index = page.eval_on_selector_all(
        "a[href]",
        "(links, url) => links.findIndex(a => a.href === url && a.checkVisibility())",
        url,
    )
    assert index >= 0, f"no visible link to /{target} on {page.url}"
    page.locator("a[href]").nth(index).click()
    page.wait_for_url(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__stillTheSameDocument === true"), "a full reload, not instant"


def first_search_result(page: Page, term: str, how: str) -> Locator:
    """Type or paste a term into the site's search and return its first result, in either build's
    markup: Material's search box and result list, or Zensical's dialog (in a shadow root, which
    Playwright's CSS selectors enter) with its listbox of options."""
    dialog_button = page.locator(".md-search__button")  # Zensical: a button opens the dialog
    if dialog_button.count():
        dialog_button.click()
    else:
        page.keyboard.press("/")  # Material's shortcut for the search box
    if how == "typed":
        page.keyboard.type(term, delay=30)  # each key starts a query
    else:
        # As a mouse paste or a phone's long-press does: one input event, no key at all.
        page.keyboard.insert_text(term)
    return page.locator(
        ".md-search-result__item > .md-search-result__link, [role=listbox] a[role=option]"
    ).first


# Every term typed, and one pasted: pasting takes another path through the search box, not
# another index, so one term shows it works (the browser tests' time is the suite's budget).
SEARCH_RUNS = [(term, pages, "typed") for term, pages in SEARCHES.items()] + [
    (
        "daemonic processes are not allowed to have children",
        SEARCHES["daemonic processes are not allowed to have children"],
        "pasted",
    )
]


@pytest.mark.parametrize(
    ("term", "right_pages", "how"), SEARCH_RUNS, ids=[f"{t}-{h}" for t, _, h in SEARCH_RUNS]
)
def test_search_finds_the_page_about_a_pasted_error(
    site: Site, context: BrowserContext, term: str, right_pages: set[str], how: str
) -> None:
    page, traffic = open_page(context, site, "")
    first = first_search_result(page, term, how)
    expect(first).to_be_visible()
    href = first.get_attribute("href") or ""
    found = urlsplit(href).path.lstrip("/")
    assert found in right_pages, f"first result for {term!r} is /{found}"
    first.click()
    page.wait_for_url(re.compile(re.escape(site.url + found)))
    expect(page.locator("article.md-content__inner")).to_contain_text(term)
    assert_clean(traffic)


@pytest.mark.zensical_lacks(
    "the index fetched on demand: overrides/main.html holds Material's request for it"
)
def test_search_index_is_fetched_when_a_reader_searches_not_before(
    site: Site, context: BrowserContext
) -> None:
    """The index is the largest file a page would load; only a reader who searches pays it."""
    page, traffic = open_page(context, site, "")
    page.wait_for_timeout(500)  # Material asks for the index as soon as it starts
    assert not any(r.url.endswith(SEARCH_INDEX) for r in traffic.requests)
    with page.expect_response(lambda response: response.url.endswith(SEARCH_INDEX)):
        page.keyboard.press("/")  # focuses the search box
    assert_clean(traffic)


def pages_with_tabs(site: Site, label: str) -> list[tuple[str, int]]:
    """Pages with tab sets offering `label`, and how many such sets each has."""
    found = []
    for path in site.pages:
        count = len(re.findall(rf"<label for=[^>]+>{re.escape(label)}</label>", site.html(path)))
        if count:
            found.append((path, count))
    return sorted(found, key=lambda item: -item[1])


def chosen_tabs(page: Page, label: str) -> list[str]:
    """For each tab set that offers `label`, the label of the tab that is showing."""
    return page.eval_on_selector_all(
        ".tabbed-set",
        """(sets, label) => sets
            .filter(set => [...set.querySelectorAll(".tabbed-labels label")]
                .some(l => l.textContent.trim() === label))
            .map(set => {
                const input = set.querySelector(":scope > input:checked");
                return set.querySelector(`.tabbed-labels label[for="${input.id}"]`)
                    .textContent.trim();
            })""",
        label,
    )


def test_choosing_multiprocessing_switches_every_tab_set_and_is_remembered(
    site: Site, context: BrowserContext
) -> None:
    pages = pages_with_tabs(site, "multiprocessing")
    assert len(pages) >= 2, "needs two pages with a multiprocessing tab"
    (first, sets), (second, _) = pages[0], pages[1]
    assert sets >= 2, "needs a page with two tab sets"
    page, traffic = open_page(context, site, first)
    assert set(chosen_tabs(page, "multiprocessing")) == {"concurrent.futures"}
    page.locator(".tabbed-labels label", has_text=re.compile("^multiprocessing$")).first.click()
    assert chosen_tabs(page, "multiprocessing") == ["multiprocessing"] * sets
    page.goto(site.url + second, wait_until="networkidle")
    assert set(chosen_tabs(page, "multiprocessing")) == {"multiprocessing"}
    assert_clean(traffic)


def pages_showing_whole_scripts() -> list[str]:
    """The URL paths of the pages that include an example script whole, as readers copy it."""
    return [
        page_path(page.path)
        for page in catalog().pages
        if any(
            include.section is None and include.path.suffix == ".py" for include in page.includes
        )
    ]


def one_page_per_section(paths: list[str]) -> list[str]:
    """The first of `paths` in each top-level section of the site."""
    first: dict[str, str] = {}
    for path in sorted(paths):
        first.setdefault(path.split("/")[0], path)
    return list(first.values())


@pytest.mark.zensical_lacks(
    "MkDocs hooks: overrides/hooks/snippet_includes.py gives the templates the download links"
)
def test_copy_button_copies_exactly_the_example_file(site: Site, browser: Browser) -> None:
    """Clicks every copy button on one page per section. What each block holds is checked for
    every page without a browser (test_copied_code.py); this checks what the button adds."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    checked = {"in a tab": 0, "on its own": 0}
    try:
        for path in one_page_per_section(pages_showing_whole_scripts()):
            checked_on_page = sum(checked.values())
            copy_every_example_on(site, context, path, checked)
            assert sum(checked.values()) > checked_on_page, f"no example file copied on /{path}"
    finally:
        context.close()
    assert all(checked.values()), f"needs copies of both kinds: {checked}"


def copy_every_example_on(site: Site, context: BrowserContext, path: str, checked: dict) -> None:
    # Material and site.js set up the page before the load event: no need to wait longer.
    page, traffic = open_page(context, site, path, wait_until="load")
    for title in page.locator(".highlight > .filename").all():
        name = title.inner_text().strip()
        download = title.locator(
            "xpath=../following-sibling::*[1][self::p[@class='fvm-download']]/a"
        )
        if name.removesuffix(" (excerpt)").endswith(".py"):
            assert download.count() == 1, f"no download link under {name} on /{path}"
        if name.endswith("(excerpt)") or not download.count():
            continue
        href = download.get_attribute("href") or ""
        example = ROOT / "examples" / href.split("examples/", 1)[1]
        block = title.locator("xpath=..")
        in_tab = block.evaluate("b => b.closest('.tabbed-set') !== null")
        if not block.is_visible():  # in a tab that is not showing: choose the tab
            tab_id = block.evaluate(
                "b => b.closest('.tabbed-set').querySelectorAll(':scope > input')"
                "[[...b.closest('.tabbed-content').children].indexOf("
                "b.closest('.tabbed-block'))].id"
            )
            page.locator(f"label[for='{tab_id}']").first.click()
        block.hover()
        block.locator("button[data-md-type='copy']").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        expected = MARKER_LINE.sub("", example.read_text())
        assert copied == expected.rstrip("\n"), f"{name} on /{path}"
        checked["in a tab" if in_tab else "on its own"] += 1
    assert_clean(traffic)
    page.close()


def flowchart_pages() -> dict[str, list[Flowchart]]:
    """The URL path of each page that draws flowcharts from its lists, and those flowcharts."""
    pages: dict[str, list[Flowchart]] = {}
    for chart in every_flowchart():
        pages.setdefault(page_path(chart.page), []).append(chart)
    return pages


def script_paths(traffic: Traffic) -> set[str]:
    return {urlsplit(r.url).path for r in traffic.requests if r.resource_type == "script"}


def check_flowchart_images(page: Page, chart: Flowchart, scheme: str) -> None:
    """The image for `scheme` is loaded and shown, the other one hidden; both have alt text; the
    labels are shown at least as large as the page's body text."""
    images = {}
    for theme in THEMES:
        src = f"{chart.name}-{theme}.svg#only-{theme}"
        image = page.locator(f'article img[src$="{src}"]')
        expect(image).to_have_count(1)
        images[theme] = image
        assert (image.get_attribute("alt") or "").strip(), f"{src} has no alt text"
    shown = images[scheme]
    expect(shown).to_be_visible()
    expect(images["dark" if scheme == "light" else "light"]).to_be_hidden()
    natural, width = shown.evaluate(
        "img => img.complete ? [img.naturalWidth, img.getBoundingClientRect().width] : [0, 0]"
    )
    assert natural > 0, "the image did not load"
    body = page.eval_on_selector("article p", "p => parseFloat(getComputedStyle(p).fontSize)")
    label = FONT * width / natural
    assert label >= body, f"labels at {label:.1f} px, body text at {body} px"


def test_flowcharts_are_images_readable_on_a_phone_in_both_schemes(
    site: Site, browser: Browser
) -> None:
    """No diagram library: a page with a flowchart loads the same scripts as the home page, and
    shows the SVG image of its colour scheme, its labels at body-text size at 1280 and 390 px.
    Its text alternative, a list, holds every question, answer and choice."""
    pages = flowchart_pages()
    assert pages, "no page has a flowchart list"
    context = browser.new_context()
    _, home_traffic = open_page(context, site, "")
    every_page_loads = script_paths(home_traffic)
    context.close()
    for scheme in THEMES:
        for width in (1280, 390):
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme
            )
            for path, charts in pages.items():
                page, traffic = open_page(context, site, path)
                assert script_paths(traffic) == every_page_loads
                items = [
                    " ".join(item.split())
                    for item in page.eval_on_selector_all(
                        "article li", "items => items.map(item => item.textContent)"
                    )
                ]
                for chart in charts:
                    check_flowchart_images(page, chart, scheme)
                    for question in chart.questions:
                        said = [question.text] + [a.text for a in question.answers]
                        said += [a.choice for a in question.answers if a.choice]
                        missing = [
                            plain(words)
                            for words in said
                            if not any(plain(words) in item for item in items)
                        ]
                        assert missing == [], f"/{path}: not in a list item"
                assert_clean(traffic)
                page.close()
            context.close()


def test_every_flowchart_label_fits_its_box(site: Site, context: BrowserContext) -> None:
    """The renderer wraps text by estimated widths; here Chromium measures each label with the
    fonts it picks, in the image itself."""
    page = context.new_page()
    for chart in every_flowchart():
        for image in rendered(chart):
            page.goto(site.url + image.relative_to(ROOT / "docs").as_posix())
            overflowing = page.evaluate(
                """() => {
                    const boxes = [...document.querySelectorAll("rect")].map(r => r.getBBox());
                    const width = document.documentElement.viewBox.baseVal.width;
                    return [...document.querySelectorAll("text")].flatMap(text => {
                        const t = text.getBBox();
                        const box = boxes.find(b => t.y >= b.y && t.y + t.height <= b.y + b.height
                            && t.x >= b.x && t.x < b.x + b.width);
                        const right = box ? box.x + box.width : width;
                        return t.x + t.width > right ? [text.textContent] : [];
                    });
                }"""
            )
            assert overflowing == [], image.name
    page.close()


def test_a_flowchart_shows_after_instant_navigation(site: Site, context: BrowserContext) -> None:
    path, charts = next(iter(flowchart_pages().items()))
    page, traffic = open_page(context, site, "")
    follow_link_instantly(page, site, path)
    check_flowchart_images(page, charts[0], "light")
    assert_clean(traffic)
