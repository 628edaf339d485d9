"""Every internal link and #anchor on the built site resolves; external links are only listed.

`mkdocs build --strict` already validates the links written in Markdown. This check reads the
HTML instead, so it also covers links made by the theme, the templates in overrides/ and plugins
(navigation, the 404 page, download links, API reference cross-references).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.test_site.built_site import ParsedPage, Site, resolve

NOT_FETCHED = ("mailto:", "tel:", "data:", "javascript:")


def test_every_internal_link_and_anchor_resolves(built_site: Site, record_property) -> None:
    origin = urlsplit(built_site.url).netloc

    @cache
    def parsed(file: Path) -> ParsedPage:
        return ParsedPage.parse(file.read_text(encoding="utf-8"))

    broken, external = [], set()
    for page in [*built_site.pages, "404.html"]:
        for link in parsed(built_site.html_file(page)).links:
            if link.startswith(NOT_FETCHED):
                continue
            url = urlsplit(resolve(built_site.url, page, link))
            if url.netloc != origin:
                external.add(link)
                continue
            target = built_site.directory / unquote(url.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"/{page}: {link} (no such file)")
            elif (
                url.fragment
                and target.suffix == ".html"
                and unquote(url.fragment) not in parsed(target).anchors
            ):
                broken.append(f"/{page}: {link} (no such anchor)")
    record_property("external_links", len(external))
    print(f"{len(external)} external links, not fetched:", *sorted(external), sep="\n  ")
    assert broken == []
