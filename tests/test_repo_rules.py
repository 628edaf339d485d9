"""Rules that keep the pages, the examples and the tests in step with each other."""

import ast
import re
import sys
from pathlib import Path

import pytest

from tests.examples_catalog import EXAMPLES, example_scripts
from tests.runner import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+)""")

# `_futures` examples with no `_multiprocessing` twin, each with the reason.
UNPAIRED = {
    # "name_futures.py": "why multiprocessing has no counterpart",
}


def included_files() -> set[Path]:
    files = set()
    for page in [*PAGES, ROOT / "CONTRIBUTING.md"]:
        files |= {(ROOT / name).resolve() for name in INCLUDE.findall(page.read_text())}
    return files


def test_every_futures_example_has_a_multiprocessing_twin() -> None:
    missing = [
        str(path.relative_to(ROOT))
        for path in EXAMPLES.rglob("*_futures.py")
        if path.name not in UNPAIRED
        and not path.with_name(path.name.replace("_futures.py", "_multiprocessing.py")).exists()
    ]
    assert missing == []


def test_every_example_is_shown_on_a_page() -> None:
    shown = included_files()
    assert [str(p.relative_to(ROOT)) for p in example_scripts() if p.resolve() not in shown] == []


def test_every_golden_output_is_shown_on_a_page_or_used_by_a_script() -> None:
    shown = included_files()
    stems = {path.stem for path in EXAMPLES.rglob("*.py")}
    stems |= {stem.rsplit("_", 1)[0] for stem in stems}
    orphans = [
        str(out.relative_to(ROOT))
        for out in EXAMPLES.rglob("*.out")
        if out.resolve() not in shown and out.name.split(".")[0] not in stems
    ]
    assert orphans == []


def test_no_file_shadows_a_standard_library_module() -> None:
    shadowing = [
        str(path.relative_to(ROOT))
        for path in [*ROOT.glob("*.py"), *EXAMPLES.rglob("*.py"), *EXAMPLES.rglob("*/")]
        if path.stem in sys.stdlib_module_names
    ]
    assert shadowing == []


@pytest.mark.parametrize("script", example_scripts(), ids=lambda path: path.stem)
def test_example_is_a_guarded_script_with_a_docstring(script: Path) -> None:
    source = script.read_text()
    # A PEP 723 `# /// script` block may come first: uv and pipx read it there.
    body = re.sub(r"\A(?:#.*\n)+\n?", "", source)
    assert body.startswith('"""'), "start with a one-line docstring naming the API shown"
    assert re.search(r'^if __name__ == "__main__":\n    main\(\)$', source, re.MULTILINE), (
        'end with the `if __name__ == "__main__":` guard calling main()'
    )


FENCE = re.compile(
    r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```", re.DOTALL | re.MULTILINE
)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: str(path.relative_to(DOCS)))
def test_titled_code_blocks_only_show_example_files(page: Path) -> None:
    """Untitled python/bash blocks run as written; a titled one must be a file the tests run."""
    pasted = []
    for fence in FENCE.finditer(page.read_text()):
        if "title=" in fence["info"] and fence["info"].split()[0] in ("python", "py"):
            lines = [line.strip() for line in fence["body"].splitlines() if line.strip()]
            if not all(line.startswith('--8<-- "examples/') for line in lines):
                pasted.append(fence["info"])
    assert pasted == [], "include the example file with --8<-- instead of pasting it"


def _factorizer_parts(path: Path) -> tuple[str | None, object]:
    source = path.read_text()
    tree = ast.parse(source)
    function, numbers = None, None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "factorize":
            function = ast.get_source_segment(source, node)
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [
            "NUMBERS"
        ]:
            numbers = ast.literal_eval(node.value)
    return function, numbers


FACTORIZER_REFERENCE = EXAMPLES / "same_job_two_apis" / "same_job_two_apis_serial.py"
FACTORIZER_COPIES = sorted(
    path
    for path in EXAMPLES.rglob("*.py")
    if "def factorize(" in path.read_text() and path != FACTORIZER_REFERENCE
)


@pytest.mark.parametrize("script", FACTORIZER_COPIES, ids=lambda path: path.stem)
def test_every_copy_of_the_factorizer_job_is_the_same_job(script: Path) -> None:
    """Each script is whole, so it repeats the job; this keeps the copies from drifting apart."""
    assert _factorizer_parts(script) == _factorizer_parts(FACTORIZER_REFERENCE)
