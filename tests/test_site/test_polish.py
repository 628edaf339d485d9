"""What readers expect around the content: descriptions, edit links, downloads, the tested-on note,
flowcharts drawn as images."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from overrides.flowchart import every_flowchart, rendered
from tests.catalog import ROOT, mkdocs_config
from tests.test_site.built_site import Site

DOCS = ROOT / "docs"


def folded_setting(name: str, indent: str = "") -> str:
    """A `name: >-` folded string of mkdocs.yml, as one line."""
    text = (ROOT / "mkdocs.yml").read_text()
    match = re.search(rf"^{indent}{name}: >-\n((?:{indent}  .+\n)+)", text, re.MULTILINE)
    assert match, name
    return " ".join(match[1].split())


def mkdocs_setting(name: str) -> str:
    """A plain string setting of mkdocs.yml (the file has tags that yaml.safe_load rejects)."""
    text = (ROOT / "mkdocs.yml").read_text()
    match = re.search(rf"^{name}: (.+)$", text, re.MULTILINE)
    assert match, name
    return match[1].strip()


def test_every_page_has_its_own_meta_description(built_site: Site) -> None:
    site_description = folded_setting("site_description")
    missing = [
        "/" + page
        for page in built_site.pages
        if not built_site.parsed(page).meta.get("description", "").strip()
        or built_site.parsed(page).meta["description"] == site_description
    ]
    assert missing == [], "add `description:` front matter to these pages"


def test_every_page_links_to_its_source_for_editing(built_site: Site) -> None:
    edit_base = f"{mkdocs_setting('repo_url')}/{mkdocs_setting('edit_uri')}"
    wrong = []
    for page in built_site.pages:
        html = built_site.html(page)
        match = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
        source = match[1].removeprefix(edit_base) if match else None
        if not match or not match[1].startswith(edit_base) or not (DOCS / source).is_file():
            wrong.append(f"/{page}: {match[1] if match else 'no edit link'}")
    assert wrong == []


@pytest.mark.zensical_lacks(
    "MkDocs hooks: overrides/hooks/snippet_includes.py gives the templates the download links"
)
def test_every_download_link_serves_the_example_file_byte_for_byte(built_site: Site) -> None:
    checked, wrong = 0, []
    for page in built_site.pages:
        parsed = built_site.parsed(page)
        titles = {b.title.removesuffix(" (excerpt)") for b in parsed.code_blocks if b.title}
        links = [
            link
            for link in parsed.links
            if "examples/" in link and link.endswith(".py") and not urlsplit(link).scheme
        ]
        for link in links:
            # What the host serves is the file the build copied into the site.
            url = urlsplit(urljoin(built_site.url + page, link))
            served = built_site.directory / url.path.removeprefix(urlsplit(built_site.url).path)
            example = ROOT / "examples" / link.split("examples/", 1)[1]
            if not served.is_file() or served.read_bytes() != example.read_bytes():
                wrong.append(f"/{page}: {link}")
            checked += 1
        named = {link.rsplit("/", 1)[1] for link in links}
        wrong += [
            f"/{page}: no download for {t}" for t in titles if t.endswith(".py") and t not in named
        ]
    assert checked
    assert wrong == []


def test_the_tested_on_note_is_on_every_page_and_names_the_workflow_platforms(
    built_site: Site,
) -> None:
    """Its Pythons are checked against pyproject.toml by tests/test_supported_pythons.py."""
    note = " ".join(mkdocs_config()["extra"]["tested_on"].split())
    for page in built_site.pages:
        assert note in " ".join(built_site.html(page).split()), f"/{page}"
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    matrix = workflow["jobs"]["examples"]["strategy"]["matrix"]
    platforms = {"ubuntu": "Linux", "macos": "macOS", "windows": "Windows"}
    for runner in matrix["os"]:
        assert platforms[runner.split("-")[0]] in note


def test_every_flowchart_image_is_drawn_from_the_list_on_its_page() -> None:
    charts = every_flowchart()
    assert charts, "no page has a flowchart list"
    for chart in charts:
        for image, svg in rendered(chart).items():
            committed = image.read_text() if image.is_file() else None
            assert committed == svg, f"{image.relative_to(ROOT)} is stale: run `make diagrams`"
    drawn = {image for chart in charts for image in rendered(chart)}
    left_over = sorted(
        str(path.relative_to(ROOT))
        for path in DOCS.rglob("diagrams/*.svg")
        if path not in drawn and "Drawn by `make diagrams`" in path.read_text()
    )
    assert left_over == [], "drawn from a list that is gone: delete them"


def test_no_page_draws_diagrams_with_javascript(built_site: Site) -> None:
    """Diagrams are images drawn before the build (`make diagrams`), not scripts run by readers."""
    scripted = [page for page in built_site.pages if 'class="mermaid"' in built_site.html(page)]
    assert scripted == []
    assert not [path for path in built_site.directory.rglob("*") if "mermaid" in path.name]
