"""What a page does on the network and in its console, and what it weighs."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, Request, Response

KIB = 1024
BUDGET_BYTES = 180 * KIB
BUDGET_REQUESTS = 12
# The budget covers everything a page load fetches but images, and the search index a reader
# who searches fetches next: HTML, CSS, JS, fonts, the search worker and its index (which grows
# with the site; Material's build asks for it when the search box is first used, see
# overrides/main.html), and whatever else (the sitemap, which instant navigation reads). Images
# (charts and diagrams are SVG images) are reported apart: they load lazily, and only where a
# page has them. Material fetches search/search_index.json, Zensical search.json.
SEARCH_INDEXES = ("/search/search_index.json", "/search.json")
SEARCH = ("/assets/javascripts/workers/search.", *SEARCH_INDEXES)
BUDGET_TYPES = {"document": "html", "stylesheet": "css", "script": "js", "font": "font"}


@dataclass
class Traffic:
    """Everything a page requested and complained about while a test watched it."""

    origin: str
    requests: list[Request] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    _handlers: dict = field(default_factory=dict, repr=False)

    @classmethod
    def watch(cls, page: Page, site_url: str) -> Traffic:
        traffic = cls(origin=_origin(site_url))
        traffic._handlers = {
            "request": traffic._on_request,
            "response": traffic._on_response,
            "requestfailed": traffic._on_failed,
            "console": traffic._on_console,
            "pageerror": traffic._on_page_error,
        }
        for event, handler in traffic._handlers.items():
            page.on(event, handler)
        return traffic

    def stop(self, page: Page) -> None:
        """Stop watching `page`, which goes on to another visit."""
        for event, handler in self._handlers.items():
            page.remove_listener(event, handler)

    def _on_request(self, request: Request) -> None:
        self.requests.append(request)

    def _on_page_error(self, error: Exception) -> None:
        self.console_errors.append(f"uncaught: {error}")

    def _on_response(self, response: Response) -> None:
        self.responses.append(response)
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def _on_failed(self, request: Request) -> None:
        # The browser cancels what it no longer needs when a test moves on (a favicon still
        # loading when the next page is opened): not the site's failure. A missing file shows as
        # a response status, a foreign host as a request in `foreign`.
        if request.failure == "net::ERR_ABORTED":
            return
        self.failed.append(f"{request.failure} {request.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    @property
    def foreign(self) -> list[str]:
        """Requests to anything but the site's own server."""
        return [
            request.url
            for request in self.requests
            if urlsplit(request.url).scheme not in ("data", "blob", "about")
            and _origin(request.url) != self.origin
        ]

    def weight(self, page: str) -> dict:
        """Transfer sizes by kind: body as sent (gzip) plus response headers, as a browser pays."""
        budget = {"html": 0, "css": 0, "js": 0, "font": 0, "search": 0, "other": 0}
        images = [0, 0]
        budget_requests = 0
        for response in self.responses:
            # Content-Length is what the server sent (after gzip). The browser's own figure is 0 for
            # worker scripts, such as Material's search worker, which every page starts.
            size = int(response.header_value("content-length") or 0) + _header_bytes(response)
            kind = response.request.resource_type
            path = urlsplit(response.url).path
            if kind == "image" or path.endswith((".png", ".svg", ".ico", ".jpg", ".webp")):
                images[0] += size
                images[1] += 1
                continue
            group = "search" if path.startswith(SEARCH) else BUDGET_TYPES.get(kind, "other")
            budget[group] += size
            budget_requests += 1
        total = sum(budget.values())
        return {
            "page": "/" + page,
            "budget_bytes": total,
            "budget_kib": f"{total / KIB:.1f}",
            "budget_requests": budget_requests,
            **{kind: f"{size / KIB:.1f}" for kind, size in budget.items()},
            "images": f"{images[0] / KIB:.1f}/{images[1]}",
        }


def _header_bytes(response: Response) -> int:
    # Status line, "name: value\r\n" per header, and the blank line: HTTP/1.1 as served here.
    headers = response.headers_array()
    return (
        len(f"HTTP/1.1 {response.status} {response.status_text}\r\n")
        + sum(len(h["name"]) + len(h["value"]) + 4 for h in headers)
        + 2
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
