"""Each error heading of the FAQ (docs/reference/faq*.md) is text Python really prints.

An error heading is a heading written entirely as code. Its section shows the scripts that reproduce
it or their output (or names one shown above it), and the heading's text must appear in a golden output of one of them: the pages' runs check
those goldens against real runs on every Python and start method, so a heading cannot drift from
what Python prints.
"""

from __future__ import annotations

import concurrent.futures.process
import inspect
import re

import pytest

from tests.catalog import DOCS, catalog, expand_snippets

PAGES = sorted((DOCS / "reference").glob("faq*.md"))
HEADING = re.compile(r"^(?P<level>#{2,3})\s+(?P<title>.+)$", re.MULTILINE)
ERROR_HEADING = re.compile(r"^`(?P<message>[^`]+)`$")


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
    """Each entry's (level-3 heading's) title and its Markdown, up to the next heading."""
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
def test_each_error_heading_is_printed_by_the_scripts_its_section_shows(message: str) -> None:
    if message in CHECKED_IN_THE_SOURCE:
        assert CHECKED_IN_THE_SOURCE[message](), "the running Python no longer has this error"
        return
    section = ERRORS[message]
    _, includes = expand_snippets(section)
    examples = {e for i in includes for e in catalog().examples_behind(i.path)}
    # A section may instead name a script shown earlier on its page: `name.py`.
    examples |= {e for e in catalog().examples if f"`{e.name}`" in section}
    assert examples, "show the script that reproduces this error, or its output, in its section"
    printed = " ".join(flat(g.path.read_text()) for e in examples for g in e.goldens)
    assert flat(message) in printed, "no golden output of the section's scripts has the heading"
