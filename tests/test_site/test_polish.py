"""What readers expect around the content: descriptions, edit links, downloads, the tested-on note."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

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


def test_the_self_hosted_mermaid_is_the_recorded_release() -> None:
    folder = DOCS / "assets" / "mermaid"
    recorded = re.search(
        r"sha256 ([0-9a-f]{64})  mermaid.min.js", (folder / "README.txt").read_text()
    )
    assert recorded
    assert hashlib.sha256((folder / "mermaid.min.js").read_bytes()).hexdigest() == recorded[1]
