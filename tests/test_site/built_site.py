"""Build the site the way it is published, serve it on loopback as a host would, and read its HTML.

The server gzips text responses when the browser accepts it (GitHub Pages and CDNs do), so the
transfer sizes the tests measure are the ones readers pay. A missing path gets the site's 404.html
with status 404, as on GitHub Pages.

The same tests read the site as Zensical, Material's successor, builds it from the same mkdocs.yml:
`pytest tests/test_site --site-builder zensical` (`make zensical-test`).
"""

from __future__ import annotations

import gzip
import http.server
import io
import os
import shutil
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.runner import ROOT, run

BUILD_TIMEOUT = 300
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzipped when the client accepts it and the type is text; 404.html when missing."""

    extensions_map = {  # noqa: RUF012 (the base class's attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".py": "text/x-python",
        ".out": "text/plain",
        ".txt": "text/plain",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def send_head(self) -> io.BytesIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects to the URL with a slash
            path = path / "index.html"
        if not path.is_file():
            return self._send(404, "text/html", (Path(self.directory) / "404.html").read_bytes())
        return self._send(200, self.guess_type(str(path)), path.read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> io.BytesIO:
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(
            GZIP_TYPES
        )
        if compress:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class SiteServer(http.server.ThreadingHTTPServer):
    """A loopback server for a built site; bound on creation, so its port is known before the build."""

    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        self.directory = directory

        def handler(*args, **kwargs):
            return _GzipHandler(*args, directory=str(directory), **kwargs)

        super().__init__(("127.0.0.1", 0), handler)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


BUILDERS = ("mkdocs", "zensical")
# `make zensical` installs it (requirements/zensical.txt) apart from the site's own toolchain.
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
# mkdocs.yml, in Material's look (Zensical's default is its "modern" one), into site_dir; the
# Makefile's `zensical` target writes the same.
ZENSICAL_CONFIG = "INHERIT: mkdocs.yml\nsite_dir: {site_dir}\ntheme:\n  variant: classic\n"


def build_site(destination: Path, site_url: str | None, builder: str = "mkdocs") -> None:
    """`mkdocs build --strict` (or `zensical build --strict`); site_url is the test server's
    (instant navigation needs it) or None for the published one."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    if builder == "zensical":
        _build_with_zensical(destination, env)
        return
    result = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(destination)],
        cwd=ROOT,
        env=env,
        timeout=BUILD_TIMEOUT,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stderr}")


def _build_with_zensical(destination: Path, env: dict[str, str]) -> None:
    """Zensical has no output option and writes only inside the project (the folder of its
    config): build into a scratch folder there, with a config that inherits mkdocs.yml, and
    move the result."""
    if not ZENSICAL.exists():
        raise RuntimeError(f"{ZENSICAL.relative_to(ROOT)} is missing: run `make zensical` first")
    with tempfile.TemporaryDirectory(dir=ROOT, prefix=".zensical-build-") as scratch:
        config = Path(f"{scratch}.yml")
        config.write_text(ZENSICAL_CONFIG.format(site_dir=Path(scratch).name))
        try:
            result = run(
                [str(ZENSICAL), "build", "--strict", "-f", str(config)],
                cwd=ROOT,
                env=env,
                timeout=BUILD_TIMEOUT,
            )
        finally:
            config.unlink()
        # Zensical prints its diagnostics to stdout, and in strict mode exits non-zero on any.
        if result.returncode != 0:
            raise RuntimeError(f"zensical build --strict failed:\n{result.stdout}{result.stderr}")
        shutil.copytree(scratch, destination, dirs_exist_ok=True)


@dataclass
class Site:
    """A built site and the address it is served at (for a published build: its site_url)."""

    directory: Path
    url: str | None = None

    def __post_init__(self) -> None:
        if self.url is None:  # the home page comes first in the sitemap
            tree = ET.parse(self.directory / "sitemap.xml")
            home = next(el.text or "" for el in tree.iter() if el.tag.endswith("}loc"))
            self.url = home

    @cached_property
    def pages(self) -> list[str]:
        """Every page's path relative to the site root (e.g. "guide/which-one/"), from the sitemap."""
        tree = ET.parse(self.directory / "sitemap.xml")
        locations = [el.text or "" for el in tree.iter() if el.tag.endswith("}loc")]
        return [loc.removeprefix(self.url or "") for loc in locations]

    def html_file(self, page: str) -> Path:
        path = self.directory / page
        return path / "index.html" if page == "" or page.endswith("/") else path

    def html(self, page: str) -> str:
        return self.html_file(page).read_text(encoding="utf-8")

    def parsed(self, page: str) -> ParsedPage:
        return ParsedPage.parse(self.html(page))


@dataclass
class CodeBlock:
    """A code block as the reader sees (and copies) it."""

    language: str
    title: str
    text: str
    marker: str | None  # the reason given in a `<!-- not-a-script: reason -->` comment before it
    in_api_docs: bool = False  # rendered by mkdocstrings from a docstring, not from a page


@dataclass
class ParsedPage:
    """What the tests need from a page's HTML: its links, anchors, code blocks and meta tags."""

    links: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, html: str) -> ParsedPage:
        parser = _PageParser()
        parser.feed(html)
        parser.close()
        return parser.page


class _PageParser(HTMLParser):
    """Collects hrefs/srcs, ids, meta tags, and the text of `div.highlight` code blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._marker: str | None = None
        self._block: dict | None = None  # the code block being read
        self._depth = 0  # element depth inside the current block's <div class="highlight">
        self._in_title = False
        self._in_code = False
        self._open: list[tuple[str, bool]] = []  # open elements: (tag, is mkdocstrings output)

    def handle_comment(self, data: str) -> None:
        text = data.strip()
        if text.startswith("not-a-script:"):
            self._marker = text.removeprefix("not-a-script:").strip()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if attr.get(name):
                self.page.anchors.add(attr[name])
        if tag in ("a", "link") and "href" in attr:
            self.page.links.append(attr["href"])
        if tag in ("script", "img", "source") and attr.get("src"):
            self.page.links.append(attr["src"])
        if tag == "meta" and "name" in attr:
            self.page.meta[attr["name"]] = attr.get("content", "")
        classes = attr.get("class", "").split()
        if tag not in _VOID:
            self._open.append((tag, "doc-contents" in classes or "doc-signature" in classes))
        if self._block is not None:
            if tag not in _VOID:
                self._depth += 1
            if tag == "span" and "filename" in classes:
                self._in_title = True
            elif tag == "code":
                self._in_code = True
            return
        if tag == "div" and "highlight" in classes:
            language = next((c[9:] for c in classes if c.startswith("language-")), "")
            self._block = {"language": language, "title": [], "text": [], "marker": self._marker}
            self._block["in_api_docs"] = any(is_doc for _, is_doc in self._open)
            self._marker = None
            self._depth = 1
        # A marker applies to the next code block only if no other content comes between.
        if tag in ("p", "table", "ul", "ol", "h1", "h2", "h3", "h4", "pre"):
            self._marker = None

    def handle_endtag(self, tag: str) -> None:
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open and self._open.pop()[0] != tag:
                pass
        if self._block is None:
            return
        self._depth -= 1
        if tag == "span" and self._in_title:
            self._in_title = False
        if tag == "code":
            self._in_code = False
        if self._depth == 0:
            block = self._block
            self.page.code_blocks.append(
                CodeBlock(
                    language=block["language"],
                    title="".join(block["title"]).strip(),
                    text="".join(block["text"]),
                    marker=block["marker"],
                    in_api_docs=block["in_api_docs"],
                )
            )
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._block is None:
            return
        if self._in_title:
            self._block["title"].append(data)
        elif self._in_code:
            self._block["text"].append(data)


_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


def resolve(site_url: str, page: str, link: str) -> str:
    """The absolute URL a link on `page` points to."""
    return urljoin(urljoin(site_url, page), link)


def docs_page_paths() -> list[str]:
    """The URL path of every Markdown page in docs/, as MkDocs names it (directory URLs)."""
    # rglob does not follow the docs/examples link
    return [page_path(source) for source in sorted((ROOT / "docs").rglob("*.md"))]


def page_path(source: Path) -> str:
    """The URL path MkDocs gives the Markdown page at `source` (directory URLs)."""
    parts = list(source.resolve().relative_to(ROOT / "docs").with_suffix("").parts)
    if parts[-1] in ("index", "README"):
        parts.pop()
    return "".join(f"{part}/" for part in parts)
