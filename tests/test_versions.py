"""The version timeline (docs/reference/versions.md) agrees with the running interpreter.

A row whose "Checked" cell names an object (`module.name`) or a parameter (`module.callable(arg)`)
claims that Python added it in the row's version: it must exist from that version on and be
absent before it.
"""

from __future__ import annotations

import inspect
import re
import sys

import pytest

from tests.runner import ROOT
from tests.stdlib_names import lookup

PAGE = ROOT / "docs" / "reference" / "versions.md"
ROW = re.compile(
    r"^\| (?P<version>3\.\d+) \| [^|]+ \| [^|]+ \| `(?P<name>[\w.]+)(?:\((?P<parameter>\w+)\))?` \|",
    re.MULTILINE,
)
RUNNING = sys.version_info[:2]


def claims() -> list[tuple[tuple[int, int], str, str | None]]:
    rows = []
    for match in ROW.finditer(PAGE.read_text()):
        major, minor = match["version"].split(".")
        rows.append(((int(major), int(minor)), match["name"], match["parameter"]))
    return rows


def exists(name: str, parameter: str | None) -> bool:
    obj = lookup(name)
    if obj is None or parameter is None:
        return obj is not None
    return parameter in inspect.signature(obj).parameters


CLAIMS = claims()


def test_the_page_has_claims_to_check() -> None:
    assert len(CLAIMS) >= 25, "the row pattern no longer matches the page's tables"


@pytest.mark.parametrize(
    ("version", "name", "parameter"),
    CLAIMS,
    ids=[f"{v[0]}.{v[1]}-{n}{f'({p})' if p else ''}" for v, n, p in CLAIMS],
)
def test_each_addition_exists_from_its_version_on(
    version: tuple[int, int], name: str, parameter: str | None
) -> None:
    if version <= RUNNING:
        assert exists(name, parameter), f"the page says Python {version} added it"
    else:
        assert not exists(name, parameter), f"it exists on {RUNNING}, before {version}"


def test_the_versions_are_in_order() -> None:
    versions = [version for version, _, _ in CLAIMS]
    assert versions == sorted(versions)
