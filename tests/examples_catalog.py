"""Find the example scripts and read what each one needs (PEP 723 inline script metadata)."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from tests.runner import ROOT

EXAMPLES = ROOT / "examples"
_SCRIPT_BLOCK = re.compile(r"^# /// script\n((?:^#(?: .*)?\n)+)^# ///$", re.MULTILINE)


def is_in_package(path: Path) -> bool:
    """Packages (e.g. the benchmark harness) are run with `python -m` and tested on their own."""
    return any(
        (parent / "__init__.py").exists() or (parent / "__main__.py").exists()
        for parent in path.parents
        if parent != EXAMPLES and EXAMPLES in parent.parents
    )


def example_scripts() -> list[Path]:
    """Every runnable example script, in a stable order."""
    return sorted(
        path
        for path in EXAMPLES.rglob("*.py")
        if not is_in_package(path) and "__pycache__" not in path.parts
    )


def script_metadata(path: Path) -> dict:
    """The script's `# /// script` block as a dict, or {} if it has none."""
    return source_metadata(path.read_text())


def source_metadata(source: str) -> dict:
    """The `# /// script` block of a script's text (e.g. copied from a page), or {} if none."""
    match = _SCRIPT_BLOCK.search(source)
    if not match:
        return {}
    toml = "".join(line[2:] + "\n" for line in match[1].splitlines())
    return tomllib.loads(toml)


def why_it_cannot_run_here(path: Path) -> str | None:
    """A reason to skip the script on this interpreter, or None if it can run."""
    return why_source_cannot_run_here(path.read_text())


def why_source_cannot_run_here(source: str) -> str | None:
    """Like why_it_cannot_run_here, for a script's text."""
    meta = source_metadata(source)
    needed = SpecifierSet(meta.get("requires-python", ""))
    running = ".".join(map(str, sys.version_info[:3]))
    if running not in needed:
        return f"needs Python {needed}, this is {running} (the Actions workflow runs it)"
    platforms = meta.get("tool", {}).get("fvm", {}).get("platforms")
    if platforms and not any(sys.platform.startswith(name) for name in platforms):
        return (
            f"runs on {', '.join(platforms)} only (it uses POSIX signals), this is {sys.platform}"
        )
    for dependency in meta.get("dependencies", []):
        name = Requirement(dependency).name
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return f"needs {name}, which is not installed for Python {running}"
    return None
