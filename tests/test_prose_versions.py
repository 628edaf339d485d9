"""A version statement in prose comes from one place, the version timeline, and holds here.

Every paragraph, list item or table row that names a Python minor version ("3.12+", "since
Python 3.13") links the timeline's section for that version (docs/reference/versions.md, whose
rows tests/test_versions.py checks against the interpreter). Where the prose pins a name to a
version (`` `name` (Python 3.11+) ``), the name must exist on the running Python from that version
on and not before. Left out: patch versions (3.12.5), the supported range (checked by
tests/test_supported_pythons.py), the API map's "Since" column (tests/test_api_map.py), the failure
matrix's "3.12+:" qualifiers (tests/test_failure_matrix.py) and versions after the newest supported
one, which the timeline cannot hold yet and a CPython issue link must back instead.
"""

from __future__ import annotations

import builtins
import inspect
import re
import sys
from pathlib import Path

import pytest

from tests.catalog import DOCS, supported_pythons
from tests.prose import Block, prose_blocks
from tests.stdlib_names import lookup
from tests.test_supported_pythons import OPEN_RANGE, RANGE

TIMELINE = DOCS / "reference" / "versions.md"
# A version, not a measurement: "3.1 times", "3.2 to 5.1 times" and "3.5 ms" are figures.
_UNIT = r"\s?(?:ms|s|µs|\N{MULTIPLICATION SIGN}|%|times)\b"
MINOR = re.compile(
    r"(?<![\d.\w])3\.(\d+)(?!\d)(?!\.\d)"
    rf"(?!{_UNIT})(?!\s+to\s+\d+(?:\.\d+)?{_UNIT})"
)
HEADING = re.compile(r"^## Python (.+)$", re.MULTILINE)
CPYTHON_ISSUE = re.compile(r"github\.com/python/cpython/(?:issues|pull)/\d+|bugs\.python\.org")
# `name` (Python 3.11+), `f(arg=...)` (3.14+), `name()` (3.14): the name is pinned to that version.
PINNED_NAME = re.compile(r"`(?P<span>[^`]+)` \((?:Python )?3\.(?P<minor>\d+)\+?[),;]")
# Where an unqualified name in prose lives: these classes' attributes and parameters.
OWNERS = (
    "concurrent.futures.Executor",
    "concurrent.futures.ProcessPoolExecutor",
    "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.InterpreterPoolExecutor",
    "concurrent.futures.Future",
    "multiprocessing.pool.Pool",
    "multiprocessing.pool.AsyncResult",
    "multiprocessing.Process",
    "multiprocessing.shared_memory.SharedMemory",
    "multiprocessing.managers.SyncManager",
)
# The failure matrix's qualifiers, checked against the goldens of each Python.
MATRIX_QUALIFIER = re.compile(r"(?:before )?3\.\d+\+?:")
# The API map's "Since" cell, right after the name: | `multiprocessing.pool.Pool.imap` | 3.2 |
SINCE_CELL = re.compile(r"^(\| `[\w.]+` \| )3\.\d+( \|)")


def timeline_sections() -> dict[str, set[int]]:
    """Each section's anchor in the timeline and the minor versions its heading names."""
    sections = {}
    for match in HEADING.finditer(TIMELINE.read_text()):
        heading = match[1]  # "3.12", or "3.10 and 3.11"
        anchor = "python-" + re.sub(r"[^\w]+", "-", heading.replace(".", "")).strip("-").lower()
        sections[anchor] = {int(minor) for minor in re.findall(r"3\.(\d+)", heading)}
    return sections


def newest_supported() -> int:
    return int(supported_pythons()[-1].split(".")[1])


def stated_versions(block: Block) -> set[int]:
    """The minor versions a block states, less those the module docstring leaves out."""
    words = SINCE_CELL.sub(r"\1\2", block.text)
    words = Block(block.page, block.line, words).words
    words = MATRIX_QUALIFIER.sub(" ", words) if block.page.name == "index.md" else words
    oldest, newest = supported_pythons()[0], supported_pythons()[-1]
    for pattern in (RANGE, OPEN_RANGE):
        words = pattern.sub(
            lambda m: " " if (m[1], m[2]) == (oldest, newest) else m[0],
            words,
        )
    return {int(minor) for minor in MINOR.findall(words)}


def linked_sections(block: Block) -> set[int]:
    """The minor versions whose timeline sections the block links."""
    sections = timeline_sections()
    covered: set[int] = set()
    for target in block.links:
        path, _, anchor = target.partition("#")
        if path.endswith("versions.md") and anchor in sections:
            covered |= sections[anchor]
    return covered


def unlinked_versions(block: Block) -> set[int]:
    missing = stated_versions(block) - linked_sections(block)
    if any(CPYTHON_ISSUE.search(target) for target in block.links):
        missing = {minor for minor in missing if minor <= newest_supported()}
    return missing


def pages() -> list[Path]:
    return [page for page in sorted(DOCS.rglob("*.md")) if page != TIMELINE]


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.relative_to(DOCS).as_posix())
def test_each_version_statement_links_its_timeline_section(page: Path) -> None:
    unlinked = [
        f"{block}: Python {', '.join(f'3.{minor}' for minor in sorted(missing))}"
        for block in prose_blocks(page)
        if (missing := unlinked_versions(block))
    ]
    assert not unlinked, "link versions.md#python-3NN for:\n" + "\n".join(unlinked)


def pinned_name(span: str) -> str | None:
    """The name a pinned code span is about: `f(x=1)` -> x, `a.b()` -> a.b; None for builtins."""
    parameter = re.search(r"(\w+)=", span)
    if parameter:
        return parameter[1]
    names = re.findall(r"[A-Za-z_][\w.]*", span)
    name = next((n for n in names if "." in n), names[-1] if names else None)
    if name is None or name.split(".")[0] in dir(builtins):
        return None  # `zip()`, `TimeoutError`: what changed is a detail the name cannot show
    return name


def exists_here(name: str) -> bool:
    """Whether the running Python has this dotted name, or an owner has it as attribute or parameter."""
    if "." in name and lookup(name) is not None:
        return True
    last = name.rpartition(".")[2]
    for owner in filter(None, map(lookup, OWNERS)):
        callables = [owner, *(getattr(owner, a) for a in dir(owner) if not a.startswith("_"))]
        if hasattr(owner, last) or any(last in parameters(c) for c in callables):
            return True
    return False


def parameters(obj: object) -> set[str]:
    try:
        return set(inspect.signature(obj).parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return set()


def pinned_names() -> list[tuple[str, str, int]]:
    pinned = []
    for page in pages():
        for block in prose_blocks(page):
            for match in PINNED_NAME.finditer(block.text):
                name = pinned_name(match["span"])
                if name:
                    pinned.append((str(block), name, int(match["minor"])))
    return pinned


@pytest.mark.parametrize(("where", "name", "minor"), pinned_names(), ids=lambda v: str(v)[:60])
def test_a_name_pinned_to_a_version_exists_from_it_on(where: str, name: str, minor: int) -> None:
    running = sys.version_info[:2]
    exists = exists_here(name)
    if running >= (3, minor):
        assert exists, f"{where}: {name} is missing on {running}, the page says 3.{minor}"
    else:
        assert not exists, f"{where}: {name} exists on {running}, before 3.{minor}"


def test_the_timeline_has_a_section_for_each_supported_python() -> None:
    covered = set().union(*timeline_sections().values())
    assert {int(python.split(".")[1]) for python in supported_pythons()} <= covered


def test_negative_control_an_unlinked_or_wrong_version_statement_fails() -> None:
    page = DOCS / "guide" / "start-methods.md"
    unlinked = Block(page, 1, "From Python 3.12, `os.fork()` warns.")
    linked = Block(page, 1, "From [Python 3.12](../reference/versions.md#python-312), it warns.")
    wrong_section = Block(
        page, 1, "From [Python 3.12](../reference/versions.md#python-313), it warns."
    )
    assert unlinked_versions(unlinked) == {12}
    assert unlinked_versions(linked) == set()
    assert unlinked_versions(wrong_section) == {12}
    # A pin one release late is caught on every Python from it on: cancel_futures came in 3.9.
    assert exists_here("cancel_futures")
    assert not exists_here("cancel_future")
    assert pinned_name("shutdown(cancel_futures=True)") == "cancel_futures"
