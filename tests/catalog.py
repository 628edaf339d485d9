"""The catalog: every page, every example script, which pages show it, its goldens and its needs.

One rule lays out the tree: the scripts behind `docs/<path>.md` live in `examples/<path>/`, next to
the `.out` files that hold what they print (their goldens). One folder is not a page's: the
benchmark harness, a package run with `python -m examples.performance.harness`, which
tests/test_benchmarks.py tests. What a script needs and how it runs is read from one place, the
PEP 723 block at its top (`requires-python`, `dependencies`, and a `[tool.fvm]` table for the rest);
which pages show it is read with pymdownx.snippets itself, configured as mkdocs.yml configures it.

Nothing here runs at import: the catalog is built on first use and cached.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

# The build's own reader of `--8<--` includes (a MkDocs hook): the tests read pages as it does.
from overrides.hooks.snippet_includes import Include
from overrides.hooks.snippet_includes import expand_snippets as _expand_snippets

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
HARNESS = EXAMPLES / "performance" / "harness"
START_METHODS = ("fork", "spawn", "forkserver")

# The metadata block of PEP 723, as its reference implementation reads it.
_SCRIPT_BLOCK = re.compile(r"^# /// script\n((?:^#(?: .*)?\n)+)^# ///$", re.MULTILINE)
# `<name>[.pyXY][.<start method>].out`: a golden output and the runs it applies to.
_GOLDEN = re.compile(
    r"(?P<base>\w+?)(?:\.py(?P<major>\d)(?P<minor>\d+))?(?:\.(?P<method>\w+))?\.out"
)


def source_metadata(source: str) -> dict:
    """The `# /// script` block of a script's text as a dict, or {} if it has none."""
    match = _SCRIPT_BLOCK.search(source)
    if not match:
        return {}
    return tomllib.loads("".join(line[2:] + "\n" for line in match[1].splitlines()))


def why_source_cannot_run_here(source: str) -> str | None:
    """Why a script with this text cannot run on this interpreter, or None if it can."""
    meta = source_metadata(source)
    running = ".".join(map(str, sys.version_info[:3]))
    needed = SpecifierSet(meta.get("requires-python", ""))
    if running not in needed:
        return f"needs Python {needed}, this is {running} (the Actions workflow runs it)"
    platforms = meta.get("tool", {}).get("fvm", {}).get("platforms")
    if platforms and not any(sys.platform.startswith(name) for name in platforms):
        return f"runs on {', '.join(platforms)} only, this is {sys.platform}"
    for dependency in meta.get("dependencies", []):
        name = Requirement(dependency).name
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return f"needs {name}, which is not installed for Python {running}"
    return None


@dataclass(frozen=True)
class Golden:
    """A golden output file and the runs it is for: from Python `since` on, one start method or all."""

    path: Path
    base: str
    since: tuple[int, int]
    start_method: str | None

    @classmethod
    def parse(cls, path: Path) -> Golden | None:
        match = _GOLDEN.fullmatch(path.name)
        if not match:
            return None
        since = (int(match["major"]), int(match["minor"])) if match["major"] else (0, 0)
        return cls(path, match["base"], since, match["method"])

    def applies(self, version: tuple[int, int], start_method: str | None) -> bool:
        return self.since <= version and self.start_method in (None, start_method)

    @property
    def precedence(self) -> tuple:
        """A later Python pin beats an earlier one; at the same pin, a start method beats none."""
        return (self.since, self.start_method is not None)


@dataclass(frozen=True)
class Example:
    """A script under examples/ that readers copy and run."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def relative(self) -> str:
        return self.path.relative_to(ROOT).as_posix()

    @cached_property
    def source(self) -> str:
        return self.path.read_text()

    @cached_property
    def metadata(self) -> dict:
        return source_metadata(self.source)

    @cached_property
    def settings(self) -> dict:
        """The script's `[tool.fvm]` table: `platforms`, `start-methods`, `network`, `launch`."""
        return self.metadata.get("tool", {}).get("fvm", {})

    @property
    def page(self) -> Path:
        """The page that explains this script: docs/<path>.md for examples/<path>/."""
        return DOCS / self.path.parent.relative_to(EXAMPLES).with_suffix(".md")

    @property
    def start_methods(self) -> tuple[str, ...]:
        """The start methods to run it under; none for a script that starts its own cluster."""
        return tuple(self.settings.get("start-methods", START_METHODS))

    @property
    def uses_network(self) -> bool:
        return bool(self.settings.get("network", False))

    @property
    def known_connections(self) -> frozenset[str]:
        """Far ends ("address:port") off loopback that a library the script uses connects to on
        its own; the script's page must say so (`[tool.fvm] connects-to`)."""
        return frozenset(self.settings.get("connects-to", []))

    @property
    def launches(self) -> list[str]:
        """Shell commands that run it (`{script}` is its path), or [] to run `python <script>`."""
        return [line.format(script=self.relative) for line in self.settings.get("launch", [])]

    def why_it_cannot_run_here(self) -> str | None:
        return why_source_cannot_run_here(self.source)

    @property
    def golden_bases(self) -> tuple[str, str]:
        """Its own stem, then the stem of the pair (`x_futures` and `x_multiprocessing` share `x`)."""
        stem = self.path.stem
        return stem, stem.rsplit("_", 1)[0]

    @cached_property
    def goldens(self) -> list[Golden]:
        """Every golden file of the script: its own and its pair's."""
        found = [g for p in self.path.parent.glob("*.out") if (g := Golden.parse(p))]
        return sorted((g for g in found if g.base in self.golden_bases), key=lambda g: g.path.name)

    def golden(self, start_method: str | None, version: tuple[int, int] | None = None) -> Golden:
        """The golden a run must match: the most specific one that applies to it."""
        version = version or sys.version_info[:2]
        candidates = [g for g in self.goldens if g.applies(version, start_method)]
        if not candidates:
            raise FileNotFoundError(
                f"no golden output for {self.relative}: run `make goldens` to record one"
            )
        # At the same precedence, the script's own file beats the one it shares with its twin.
        return max(candidates, key=lambda g: (g.precedence, g.base == self.path.stem))


@dataclass
class Page:
    """A Markdown page of docs/ and what it includes."""

    path: Path
    includes: list[Include] = field(default_factory=list)
    expanded: str = ""

    @property
    def relative(self) -> str:
        return self.path.relative_to(ROOT).as_posix()

    @property
    def examples_folder(self) -> Path:
        return EXAMPLES / self.path.relative_to(DOCS).with_suffix("")

    def shows(self, example: Example) -> bool:
        return any(include.path == example.path for include in self.includes)


class Catalog:
    """Every page and example of the repository, read once."""

    @cached_property
    def pages(self) -> list[Page]:
        pages = []
        # Path.rglob does not follow the docs/examples link to examples/.
        for path in sorted(DOCS.rglob("*.md")):
            expanded, includes = expand_snippets(path.read_text())
            pages.append(Page(path, includes, expanded))
        return pages

    @cached_property
    def examples(self) -> list[Example]:
        return [
            Example(path)
            for path in sorted(EXAMPLES.rglob("*.py"))
            if HARNESS not in path.parents and "__pycache__" not in path.parts
        ]

    def page(self, path: Path) -> Page:
        return next(page for page in self.pages if page.path == path)

    def examples_of(self, page: Page) -> list[Example]:
        """The scripts that live with this page (and that its tests run)."""
        return [example for example in self.examples if example.page == page.path]

    def pages_showing(self, example: Example) -> list[Page]:
        return [page for page in self.pages if page.shows(example)]

    def examples_behind(self, path: Path) -> list[Example]:
        """The examples an included file belongs to: the script itself, or those of a golden."""
        path = path.resolve()
        return [e for e in self.examples if e.path == path or path in (g.path for g in e.goldens)]

    @cached_property
    def shown_text(self) -> dict[str, Example]:
        """Each example by the text a page shows when it includes the whole file."""
        return {expand_snippets(f'--8<-- "{e.relative}"')[0]: e for e in self.examples}


@cache
def catalog() -> Catalog:
    return Catalog()


# --- pymdownx.snippets, as mkdocs.yml configures it -------------------------------------------------


def supported_pythons() -> list[str]:
    """The supported CPythons, oldest first: `[tool.fvm] pythons` in pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["fvm"]["pythons"]


@cache
def mkdocs_config() -> dict:
    """mkdocs.yml as data; its tags (!ENV, !!python/name) that only MkDocs resolves read as None."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)


@cache
def _snippet_options() -> dict:
    for extension in mkdocs_config()["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            options = dict(extension["pymdownx.snippets"])
            options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
            return options
    raise LookupError("mkdocs.yml does not configure pymdownx.snippets")


def expand_snippets(text: str) -> tuple[str, list[Include]]:
    """The page as the site renders it (every `--8<--` include replaced) and what it included."""
    return _expand_snippets(text, _snippet_options())
