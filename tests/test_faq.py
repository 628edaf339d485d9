"""Each error heading of the FAQ (docs/reference/faq*.md) is text Python really prints.

An error heading is a heading written entirely as code. Its section names the example folder that
reproduces it ("Reproduced by `examples/faq_x/`."), and the heading's text must appear in that
example's golden output, which tests/test_examples.py checks against real runs on every Python and
start method. So a heading cannot drift from what Python prints.
"""

from __future__ import annotations

import concurrent.futures.process
import inspect
import re

import pytest

from tests.runner import ROOT

PAGES = sorted((ROOT / "docs" / "reference").glob("faq*.md"))
HEADING = re.compile(r"^(?P<level>#{2,3})\s+(?P<title>.+)$", re.MULTILINE)
ERROR_HEADING = re.compile(r"^`(?P<message>[^`]+)`$")
REPRODUCED_BY = re.compile(r"Reproduced by `examples/(?P<folder>faq_\w+)/`")


def _windows_worker_limit_is_still_61() -> bool:
    source = inspect.getsource(concurrent.futures.process)
    return (
        concurrent.futures.process._MAX_WINDOWS_WORKERS == 61
        and "max_workers must be <= " in source
    )


# Errors that cannot happen on the Linux machines that test the site, and how each is checked.
CHECKED_IN_THE_SOURCE = {
    "ValueError: max_workers must be <= 61": _windows_worker_limit_is_still_61,
}


def sections() -> dict[str, str]:
    """Each entry's (level-3 heading's) title and its text, up to the next heading."""
    entries = {}
    for page in PAGES:
        text = page.read_text()
        matches = list(HEADING.finditer(text))
        ends = [m.start() for m in matches[1:]] + [len(text)]
        entries |= {
            m["title"].strip(): text[m.end() : end]
            for m, end in zip(matches, ends, strict=True)
            if m["level"] == "###"
        }
    return entries


def flat(text: str) -> str:
    return " ".join(text.split())


SECTIONS = sections()
ERRORS = {
    match["message"]: body
    for title, body in SECTIONS.items()
    if (match := ERROR_HEADING.match(title))
}


def test_the_faq_has_at_least_25_entries() -> None:
    assert len(SECTIONS) >= 25


@pytest.mark.parametrize("message", sorted(ERRORS))
def test_each_error_heading_is_printed_by_its_example(message: str) -> None:
    if message in CHECKED_IN_THE_SOURCE:
        assert CHECKED_IN_THE_SOURCE[message](), "the running Python no longer has this error"
        return
    named = REPRODUCED_BY.search(ERRORS[message])
    assert named, "name the example that reproduces this error: Reproduced by `examples/faq_x/`."
    folder = ROOT / "examples" / named["folder"]
    goldens = sorted(folder.glob("*.out"))
    assert goldens, f"{folder.name} has no golden output"
    printed = " ".join(flat(path.read_text()) for path in goldens)
    assert flat(message) in printed, f"no golden output of {folder.name} contains the heading"


@pytest.mark.parametrize("message", sorted(ERRORS))
def test_each_error_section_shows_its_example(message: str) -> None:
    named = REPRODUCED_BY.search(ERRORS[message])
    if message in CHECKED_IN_THE_SOURCE or named is None:
        return  # nothing to show, or already reported by the test above
    page = next(page for page in PAGES if ERRORS[message] in page.read_text())
    assert f'--8<-- "examples/{named["folder"]}/' in page.read_text()
