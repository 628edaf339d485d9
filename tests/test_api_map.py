"""The API translation table (docs/reference/api-map.md) agrees with the running interpreter.

The page's Markdown tables are the data: each row starts with a fully qualified name in backticks
and the Python version that added it.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import multiprocessing.pool
import re
import sys

import pytest

from tests.runner import ROOT
from tests.stdlib_names import lookup

PAGE = ROOT / "docs" / "reference" / "api-map.md"
ROW = re.compile(r"^\| `(?P<name>[\w.]+)` \| (?P<since>3\.\d+) \|", re.MULTILINE)
RUNNING = sys.version_info[:2]


def table() -> dict[str, tuple[int, int]]:
    """Every name in the page's tables, with the version that added it."""
    rows: dict[str, tuple[int, int]] = {}
    for match in ROW.finditer(PAGE.read_text()):
        major, minor = match["since"].split(".")
        rows[match["name"]] = (int(major), int(minor))
    return rows


def resolve(name: str) -> bool:
    """Whether a dotted name exists on this Python."""
    return lookup(name) is not None


def public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def names_the_interpreter_has() -> set[str]:
    """Every public name the table must cover, as the qualified names the table uses."""
    futures, pool = "concurrent.futures", "multiprocessing.pool"
    executor = concurrent.futures.Executor
    classes = {
        f"{pool}.Pool": (multiprocessing.pool.Pool, set()),
        f"{pool}.AsyncResult": (multiprocessing.pool.AsyncResult, set()),
        "multiprocessing.Process": (multiprocessing.Process, set()),
        f"{futures}.Executor": (executor, set()),
        f"{futures}.Future": (concurrent.futures.Future, set()),
        # Subclasses: only what they add to Executor (or to ThreadPoolExecutor).
        f"{futures}.ProcessPoolExecutor": (
            concurrent.futures.ProcessPoolExecutor,
            public(executor),
        ),
        f"{futures}.ThreadPoolExecutor": (concurrent.futures.ThreadPoolExecutor, public(executor)),
    }
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        classes[f"{futures}.InterpreterPoolExecutor"] = (
            concurrent.futures.InterpreterPoolExecutor,
            public(concurrent.futures.ThreadPoolExecutor),
        )
    expected = set(classes)
    for prefix, (cls, inherited) in classes.items():
        expected |= {f"{prefix}.{name}" for name in public(cls) - inherited}
    expected |= {f"{futures}.{name}" for name in concurrent.futures.__all__}
    expected |= {f"multiprocessing.{name}" for name in multiprocessing.__all__}
    return expected


TABLE = table()


def test_the_page_has_a_table_to_check() -> None:
    assert len(TABLE) > 90, "the row pattern no longer matches the page's tables"


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_name_exists_from_its_since_version_on(name: str) -> None:
    since = TABLE[name]
    if since <= RUNNING:
        assert resolve(name), f"{name} is missing on Python {RUNNING}, the table says {since}"
    elif since >= (3, 14):
        # Checked where it is cheap and certain: the newest additions are absent before their
        # version, so a wrong "Since" cell fails here rather than misleading readers.
        assert not resolve(name), f"{name} exists on {RUNNING}, before {since}"
    else:
        pytest.skip(f"added in {since}, this is {RUNNING}")


def test_every_public_name_of_the_running_python_has_a_row() -> None:
    missing = sorted(names_the_interpreter_has() - set(TABLE))
    assert missing == [], f"add a row to {PAGE.name} for each new name"
