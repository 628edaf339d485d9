"""pyproject.toml states the supported Pythons once; whatever else names them agrees with it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from packaging.specifiers import SpecifierSet

from tests.catalog import DOCS, ROOT, mkdocs_config, supported_pythons

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

VERSION = r"3\.\d+"
# "3.10 to 3.14", "3.10 through CPython 3.13", "3.10-3.14" with a hyphen, an en or an em dash.
RANGE = re.compile(rf"\b({VERSION}) ?(?:to|through|-|\u2013|\u2014) ?(?:C?Python )?({VERSION})\b")
# "3.10+ (and 3.14 in GitHub Actions)": an open range that a later version in the sentence closes.
OPEN_RANGE = re.compile(rf"\b({VERSION})\+[^.]{{0,80}}?\b({VERSION})\b")

# Files that must point to the list (the site's footer, or pyproject.toml) rather than restate it.
POINTING = [*sorted(DOCS.rglob("*.md")), ROOT / "CONTRIBUTING.md", ROOT / "Makefile"]
# Ranges from the oldest supported Python that describe CPython, not this project, with the reason.
ABOUT_CPYTHON: dict[tuple[str, str], str] = {}


def minor(python: str) -> int:
    major, minor_ = map(int, python.split("."))
    assert major == 3, python
    return minor_


def one_line(text: str) -> str:
    """Text with each run of whitespace as one space, so that a wrapped sentence reads whole."""
    return " ".join(text.split())


def stated_ranges(text: str) -> list[list[str]]:
    """Every closed range of Pythons the text states ("3.10 to 3.13"), as the list it spans."""
    return [
        [f"3.{m}" for m in range(minor(low), minor(high) + 1)]
        for low, high in RANGE.findall(one_line(text))
    ]


def footer_note() -> str:
    """The footer note of every page: `extra.tested_on` in mkdocs.yml."""
    return mkdocs_config()["extra"]["tested_on"]


def test_the_supported_pythons_are_listed_oldest_first_from_the_requires_python_bound() -> None:
    pythons = supported_pythons()
    assert pythons == sorted(set(pythons), key=minor), "list each Python once, oldest first"
    requires = SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    )
    assert [s.version for s in requires if s.operator == ">="] == [pythons[0]]
    assert all(python in requires for python in pythons)


def test_the_ci_examples_job_runs_every_supported_python() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    assert workflow["jobs"]["examples"]["strategy"]["matrix"]["python"] == supported_pythons()


def test_nox_has_a_session_for_every_supported_python() -> None:
    pytest.importorskip("nox")
    listed = subprocess.run(
        [sys.executable, "-m", "nox", "--list", "--json", "--session", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert [session["python"] for session in json.loads(listed.stdout)] == supported_pythons()


def test_the_readme_states_the_supported_range() -> None:
    ranges = stated_ranges((ROOT / "README.md").read_text())
    assert ranges, "state the supported range in the README"
    assert [r for r in ranges if r != supported_pythons()] == []


def test_the_footer_note_states_the_supported_range_first() -> None:
    """The note may go on to name the Pythons the project's own CI machine has: part of the list."""
    pythons = supported_pythons()
    first, *others = stated_ranges(footer_note())
    assert first == pythons
    assert [r for r in others if not set(r) <= set(pythons)] == []


def test_no_page_states_the_supported_range_by_hand() -> None:
    """A range from the oldest supported Python is the supported range restated; say "every
    supported Python (listed in the footer)" instead, or list the sentence in ABOUT_CPYTHON."""
    oldest = supported_pythons()[0]
    stated = []
    for path in POINTING:
        relative = str(path.relative_to(ROOT))
        text = one_line(path.read_text())
        for allowed_path, phrase in ABOUT_CPYTHON:
            if allowed_path == relative:
                assert phrase in text, f"{relative} no longer says {phrase!r}: drop the entry"
                text = text.replace(phrase, "")
        stated += [
            f"{relative}: {match[0]}"
            for pattern in (RANGE, OPEN_RANGE)
            for match in pattern.finditer(text)
            if match[1] == oldest
        ]
    assert stated == []
