"""The failure matrix (docs/failures/index.md) says only what its scripts print.

Each row links a `_futures` and a `_multiprocessing` script and states each API's behaviour. Every
`code` span in a behaviour cell must appear in that script's golden output for the running Python,
under every start method, so a CPython release that changes a behaviour fails the row by name
(the page's own runs then show the diff). A span written after "3.12+: " applies from 3.12 on, one
after "before 3.12: " to older versions only.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.catalog import DOCS, ROOT, START_METHODS, Example, catalog

FAILURES = DOCS / "failures"
MATRIX = FAILURES / "index.md"
SCRIPT_LINK = re.compile(r"\]\([^)]*/(examples/[\w/-]+/(\w+)_(?:futures|multiprocessing)\.py)\)")
PAGE_LINK = re.compile(r"\]\(([\w-]+\.md)(?:#[\w-]+)?\)")
CLAIM = re.compile(r"(?:(?P<since>3\.\d+)\+: |before (?P<before>3\.\d+): )?`(?P<text>[^`]+)`")


@dataclass
class Row:
    topic: str
    page: Path
    futures: Path
    multiprocessing: Path
    futures_cell: str
    multiprocessing_cell: str


def matrix_rows() -> list[Row]:
    rows = []
    for line in MATRIX.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("["):
            continue  # not a row of the table (prose, header, separator)
        situation, futures_cell, multiprocessing_cell, scripts = cells
        links = SCRIPT_LINK.findall(scripts)
        page = PAGE_LINK.search(situation)
        assert len(links) == 2, f"row {situation!r} must link exactly two scripts"
        assert page, f"row {situation!r} must link its family page"
        (futures, topic), (multiprocessing, _) = links
        rows.append(
            Row(
                topic,
                FAILURES / page[1],
                ROOT / futures,
                ROOT / multiprocessing,
                futures_cell,
                multiprocessing_cell,
            )
        )
    return rows


ROWS = matrix_rows()


def claims_for_this_python(cell: str) -> list[str]:
    running = sys.version_info[:2]
    claims = []
    for match in CLAIM.finditer(cell):
        since = tuple(map(int, match["since"].split("."))) if match["since"] else None
        before = tuple(map(int, match["before"].split("."))) if match["before"] else None
        if (since and running < since) or (before and running >= before):
            continue
        claims.append(match["text"])
    return claims


def test_the_matrix_has_a_row_for_every_failure_topic() -> None:
    shown_on_failure_pages = {
        example.name.removesuffix("_futures.py")
        for page in catalog().pages
        if page.path.parent == FAILURES and page.path.name not in ("index.md", "recipes.md")
        for example in catalog().examples_of(page)
        if example.name.endswith("_futures.py")
    }
    assert len(ROWS) >= 14, "the issue lists at least 14 failure modes"
    assert shown_on_failure_pages == {row.topic for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.topic)
def test_row_links_two_twin_scripts_shown_on_its_page(row: Row) -> None:
    assert row.futures.name == f"{row.topic}_futures.py"
    assert row.multiprocessing.name == f"{row.topic}_multiprocessing.py"
    assert row.futures.exists()
    assert row.multiprocessing.exists()
    page = catalog().page(row.page)
    for script in (row.futures, row.multiprocessing):
        assert page.shows(Example(script)), f"{row.page.name} must show {script.name}"


@pytest.mark.parametrize("api", ["futures", "multiprocessing"])
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.topic)
def test_row_states_what_the_script_prints(row: Row, api: str) -> None:
    script = Example(getattr(row, api))
    reason = script.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)
    claims = claims_for_this_python(getattr(row, f"{api}_cell"))
    assert claims, f"the {api} cell of row {row.topic!r} states nothing the tests can check"
    for method in START_METHODS:
        golden = script.golden(method)
        printed = golden.path.read_text()
        missing = [claim for claim in claims if claim not in printed]
        assert not missing, (
            f"row {row.topic!r}, {api} column: {missing} not in {golden.path.relative_to(ROOT)}"
            f" ({method}, Python {sys.version_info[0]}.{sys.version_info[1]})"
        )


ENGINE_SCRIPT_LINK = re.compile(r"\]\([^)]*/(examples/engines/[\w/-]+\.py)\)")


def engine_rows() -> list[tuple[str, str, Path]]:
    """The rows of "On other engines": (situation, behaviour cell, the script it links)."""
    rows = []
    for line in MATRIX.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if (
            len(cells) == 3
            and cells[0].startswith("[")
            and (link := ENGINE_SCRIPT_LINK.search(cells[2]))
        ):
            rows.append((cells[0], cells[1], ROOT / link[1]))
    return rows


def test_the_matrix_has_a_row_for_each_engine() -> None:
    engines = {path.parent.name for _, _, path in engine_rows()}
    assert engines == {"dask", "loky", "mpi", "ray"}


@pytest.mark.parametrize(
    ("situation", "cell", "script"), engine_rows(), ids=lambda value: getattr(value, "stem", "")
)
def test_engine_row_states_what_its_script_prints(situation: str, cell: str, script: Path) -> None:
    example = Example(script)
    reason = example.why_it_cannot_run_here()
    if reason:
        pytest.skip(reason)
    claims = claims_for_this_python(cell)
    assert claims, f"row {situation!r} states nothing the tests can check"
    printed = example.golden(None).path.read_text()
    missing = [claim for claim in claims if claim not in " ".join(printed.split())]
    assert not missing, f"row {situation!r}: {missing} not in {example.golden(None).path.name}"
