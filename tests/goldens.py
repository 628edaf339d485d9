"""Rewrite the golden `.out` files from real runs: `make goldens` (pytest --update-goldens).

A run reads the most specific golden that applies to it (see Example.golden): `<name>.out` for every
Python and start method, `<name>.pyXY.out` from Python X.Y on, `<name>.<method>.out` or
`<name>.pyXY.<method>.out` for one start method. When the goldens are updated, each example's runs
under every start method are compared together, and:

* the output most start methods print goes to the file they read, and a method that prints
  something else gets a `.<method>` file of its own;
* the file a run reads is rewritten in place when it is pinned to the running Python, or on the
  oldest supported Python (the first of `[tool.fvm] pythons` in pyproject.toml); on a newer Python
  whose output differs, a `.pyXY` file is written instead, so older Pythons keep theirs;
* a golden shared by a pair of twins is rewritten only if both print the new text;
* a variant that ends up the same as the file it overrides is deleted.

`make goldens` runs this on every Python nox finds, oldest first. Review the result with `git diff`.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from tests.catalog import ROOT, Example, Golden, supported_pythons

Outputs = dict[str | None, str]  # start method (None: runs without one) -> stdout


def oldest_supported() -> tuple[int, int]:
    return min(tuple(map(int, version.split("."))) for version in supported_pythons())


class GoldenRecorder:
    """Collects the outputs of a folder's runs, then writes their goldens in one go."""

    def __init__(self) -> None:
        self.outputs: dict[Path, Outputs] = defaultdict(dict)

    def record(self, example: Example, start_method: str | None, stdout: str) -> None:
        self.outputs[example.path][start_method] = stdout

    def write(self) -> list[str]:
        """Write every recorded example's goldens; the names of the files written or deleted."""
        version = sys.version_info[:2]
        changed: list[str] = []
        wanted: dict[Path, dict[Path, str]] = defaultdict(dict)  # golden -> example -> text
        for path, outputs in self.outputs.items():
            for golden_path, text in _files_for(Example(path), outputs, version).items():
                wanted[golden_path][path] = text
        for golden_path, by_example in sorted(wanted.items()):
            texts = set(by_example.values())
            unchanged = golden_path.exists() and texts == {golden_path.read_text()}
            readers = {p for p in self.outputs if _base(golden_path) in Example(p).golden_bases}
            if unchanged or (len(texts) == 1 and set(by_example) >= readers):
                changed += _write(golden_path, texts.pop())
                continue
            # Not every script that reads this file prints the new text: each gets its own file.
            for example_path, text in by_example.items():
                own = golden_path.with_name(
                    golden_path.name.replace(_base(golden_path), example_path.stem, 1)
                )
                changed += _write(own, text)
        for path in self.outputs:
            changed += _prune(Example(path))
        for folder in {path.parent for path in self.outputs}:
            changed += _delete_unread(folder)
        return changed


def _base(path: Path) -> str:
    golden = Golden.parse(path)
    assert golden is not None
    return golden.base


def _files_for(example: Example, outputs: Outputs, version: tuple[int, int]) -> dict[Path, str]:
    """Which golden files should hold which text, for these runs on this Python."""
    common = Counter(outputs.values()).most_common(1)[0][0]
    files = {_target(example, None, common, version): common}
    for method, text in outputs.items():
        if method is not None and text != common:
            files[_target(example, method, text, version)] = text
    return files


def _target(example: Example, method: str | None, text: str, version: tuple[int, int]) -> Path:
    """The file to write `text` to, for runs under `method` (None: every method) on `version`."""
    at_level = [
        g for g in example.goldens if g.start_method == method and g.applies(version, method)
    ]
    current = max(at_level, key=lambda g: (g.precedence, g.base == example.path.stem), default=None)
    if current is not None and (
        current.path.read_text() == text
        or current.since == version
        or version == oldest_supported()
    ):
        return current.path
    base = current.base if current else (example.goldens[0].base if example.goldens else None)
    base = base or example.path.stem
    pin = "" if version == oldest_supported() else f".py{version[0]}{version[1]}"
    suffix = f".{method}" if method else ""
    return example.path.with_name(f"{base}{pin}{suffix}.out")


def _write(path: Path, text: str) -> list[str]:
    if path.exists() and path.read_text() == text:
        return []
    path.write_text(text)
    return [f"wrote {path.relative_to(ROOT)}"]


def _prune(example: Example) -> list[str]:
    """Delete variants that say the same as the file a run would read without them."""
    deleted: list[str] = []
    while found := _redundant(Example(example.path)):
        golden, fallback = found
        golden.path.unlink()
        deleted.append(f"deleted {golden.path.relative_to(ROOT)} (same as {fallback.path.name})")
    return deleted


def _delete_unread(folder: Path) -> list[str]:
    """Delete goldens no script reads any more (twins that each got a file of their own)."""
    read = {g.path for p in folder.glob("*.py") for g in Example(p).goldens}
    unread = [p for p in folder.glob("*.out") if p not in read]
    for path in unread:
        path.unlink()
    return [f"deleted {p.relative_to(ROOT)} (no script reads it)" for p in unread]


def _redundant(example: Example) -> tuple[Golden, Golden] | None:
    """A variant and the golden a run would read without it, when the two hold the same text."""
    for golden in example.goldens:
        if golden.since == (0, 0) and golden.start_method is None:
            continue  # the base file is never a variant
        others = [g for g in example.goldens if g != golden]
        method = golden.start_method
        fallback = max(
            (
                g
                for g in others
                if g.applies(golden.since, method) and g.precedence < golden.precedence
            ),
            key=lambda g: g.precedence,
            default=None,
        )
        if fallback is not None and fallback.path.read_text() == golden.path.read_text():
            return golden, fallback
    return None
