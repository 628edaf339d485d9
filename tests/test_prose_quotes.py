"""What the prose says a program prints, the program prints: the failure matrix's rule, page-wide.

A code span that quotes an error message (`ValueError: Pool not running`) must be found in the
golden output, for the running Python, of a script the page shows or of one shown by a page the
same paragraph links (`...` stands for an elided part), or the paragraph links the CPython source, at
a release tag, that prints it. A code span that names an exception
(`BrokenProcessPool`) needs the same, or the name in such a script's source, or a link in the
paragraph to the CPython documentation, source or issue that states it. A paragraph that names
another Python version (3.14) may quote that version's golden instead (a `.py314.out` file).
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.catalog import DOCS, Example, catalog
from tests.prose import Block, prose_blocks
from tests.test_prose_versions import MINOR

_EXCEPTION = r"(?:[a-z_]\w*\.)*(?:[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt)|Broken[A-Z]\w*|KilledWorker|ExecutionFailed)"
EXCEPTION_NAME = re.compile(rf"^{_EXCEPTION}$")
MESSAGE = re.compile(rf"^{_EXCEPTION}: \S")
# CPython's source at a release tag states what that release prints.
CPYTHON_SOURCE = re.compile(r"github\.com/python/cpython/blob/v3\.\d+\.\d+/")
# Where an exception name may be documented instead: CPython's docs, source and issues, and the
# docs or the source (at a release tag) of an engine a page covers.
SOURCES = re.compile(
    r"docs\.python\.org|github\.com/python/cpython|peps\.python\.org|bugs\.python"
    r"|github\.com/(?:ray-project/ray|dask/distributed|joblib/loky|mpi4py/mpi4py)/blob/[^/]*\d"
    r"|docs\.ray\.io|(?:docs|distributed)\.dask\.org|(?:loky|joblib|mpi4py)\.readthedocs\.io"
)
RUN = ("python", "bash", "sh")  # the blocks tests/codeblocks.py runs
ELISION = re.compile(r"\s*(?:\.\.\.|…)\s*")


@dataclass(frozen=True)
class Quote:
    block: Block
    text: str

    @property
    def is_message(self) -> bool:
        return bool(MESSAGE.match(self.text))

    def __str__(self) -> str:
        return f"{self.block.page.relative_to(DOCS)}:{self.block.line}: `{self.text}`"


def quotes() -> list[Quote]:
    return [
        Quote(block, span)
        for page in sorted(DOCS.rglob("*.md"))
        for block in prose_blocks(page)
        for span in block.code_spans
        if EXCEPTION_NAME.match(span) or MESSAGE.match(span)
    ]


@cache
def examples_shown_on(page: Path) -> tuple[Example, ...]:
    shown = catalog().page(page)
    found = {
        e.path: e for include in shown.includes for e in catalog().examples_behind(include.path)
    }
    found.update({e.path: e for e in catalog().examples_of(shown)})
    return tuple(found.values())


@cache
def outputs_run_on(page: Path) -> tuple[str, ...]:
    """The outputs a page shows under its own code blocks, which `--codeblocks` runs and checks."""
    from pytest_codeblocks import extract_from_buffer

    blocks = extract_from_buffer(io.StringIO(catalog().page(page).expanded))
    return tuple(b.expected_output for b in blocks if b.syntax in RUN and b.expected_output)


def pages_for(block: Block) -> list[Path]:
    """The block's page, and the pages of this site it links."""
    pages = [block.page]
    for target in block.links:
        path = target.partition("#")[0]
        if path.endswith(".md") and "://" not in path:
            linked = (block.page.parent / path).resolve()
            if linked.is_relative_to(DOCS) and linked.exists():
                pages.append(linked)
    return pages


def printed(examples: list[Example], versions: set[tuple[int, int]]) -> list[str]:
    """The goldens these scripts print on each of these Pythons, under every start method."""
    texts = []
    for example in examples:
        for version in versions:
            for method in example.start_methods or (None,):
                try:
                    texts.append(example.golden(method, version).path.read_text())
                except FileNotFoundError:
                    continue
    return texts


def found_in(quote: str, texts: list[str]) -> bool:
    """Whether every part of the quote, split at its elisions, appears in order in one text."""
    parts = [part for part in ELISION.split(quote) if part]
    for text in texts:
        position = 0
        for part in parts:
            position = text.find(part, position)
            if position < 0:
                break
            position += len(part)
        else:
            return True
    return False


def evidence_missing(quote: Quote) -> str | None:
    pages = pages_for(quote.block)
    examples = [example for page in pages for example in examples_shown_on(page)]
    versions = {sys.version_info[:2]} | {(3, int(m)) for m in MINOR.findall(quote.block.words)}
    outputs = printed(examples, versions) + [out for page in pages for out in outputs_run_on(page)]
    if found_in(quote.text, outputs):
        return None
    if quote.is_message:
        if any(CPYTHON_SOURCE.search(target) for target in quote.block.links):
            return None
        return "not in the output of any script the page shows or links, nor in linked source"
    short = quote.text.rpartition(".")[2]
    if found_in(short, outputs) or any(short in example.source for example in examples):
        return None
    if any(SOURCES.search(target) for target in quote.block.links):
        return None
    return "no script shown or linked prints or uses it, and no CPython source is linked"


QUOTES = quotes()


def test_the_pages_have_quotes_to_check() -> None:
    assert sum(quote.is_message for quote in QUOTES) >= 20
    assert len(QUOTES) >= 100


@pytest.mark.parametrize(
    "page",
    sorted({quote.block.page for quote in QUOTES}),
    ids=lambda page: page.relative_to(DOCS).as_posix(),
)
def test_each_quoted_message_and_exception_is_shown(page: Path) -> None:
    unbacked = [
        f"{quote}: {reason}"
        for quote in QUOTES
        if quote.block.page == page and (reason := evidence_missing(quote))
    ]
    assert not unbacked, "\n".join(unbacked)


def test_negative_control_a_quote_no_output_shows_fails() -> None:
    page = DOCS / "reference" / "faq-start-up.md"
    shown = "RuntimeError: An attempt has been made to start a new process"
    assert evidence_missing(Quote(Block(page, 1, f"`{shown}`"), shown)) is None
    reworded = shown.replace("attempt", "effort")
    assert evidence_missing(Quote(Block(page, 1, f"`{reworded}`"), reworded))
    elsewhere = DOCS / "engines" / "loky.md"  # shows no script that prints it, links nothing
    assert evidence_missing(Quote(Block(elsewhere, 1, f"`{shown}`"), shown))
    assert evidence_missing(Quote(Block(elsewhere, 1, "`KeyboardInterrupt`"), "KeyboardInterrupt"))
