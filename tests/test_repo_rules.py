"""Rules that keep the pages, the examples and the tests in step with each other."""

from __future__ import annotations

import ast
import io
import re
import sys
from pathlib import Path

import pytest

from tests.catalog import DOCS, EXAMPLES, HARNESS, ROOT, Example, Page, catalog, expand_snippets

# `_futures` examples with no `_multiprocessing` twin, each with the reason.
UNPAIRED: dict[str, str] = {
    # "name_futures.py": "why multiprocessing has no counterpart",
}
EXAMPLES_ = catalog().examples
PAGES = catalog().pages


def test_every_futures_example_has_a_multiprocessing_twin() -> None:
    missing = [
        e.relative
        for e in EXAMPLES_
        if e.name.endswith("_futures.py")
        and e.name not in UNPAIRED
        and not e.path.with_name(e.name.replace("_futures.py", "_multiprocessing.py")).exists()
    ]
    assert missing == []


def test_every_example_folder_mirrors_a_page() -> None:
    # examples/ruff.toml holds the scripts to the code column's width (see below).
    files = [path for path in EXAMPLES.rglob("*") if path.is_file()]
    folders = {path.parent for path in files if path != EXAMPLES / "ruff.toml"}
    strays = [
        str(folder.relative_to(ROOT))
        for folder in folders
        if "__pycache__" not in folder.parts
        and folder != HARNESS
        and HARNESS not in folder.parents
        and not (DOCS / folder.relative_to(EXAMPLES)).with_suffix(".md").is_file()
    ]
    assert sorted(strays) == [], "examples/<path>/ holds the scripts of docs/<path>.md"


def test_every_example_is_shown_on_its_own_page() -> None:
    unshown = [e.relative for e in EXAMPLES_ if not catalog().page(e.page).shows(e)]
    assert unshown == [], "include each script on the page it lives with"


def test_every_golden_output_belongs_to_a_script() -> None:
    owned = {golden.path for example in EXAMPLES_ for golden in example.goldens}
    orphans = [str(p.relative_to(ROOT)) for p in EXAMPLES.rglob("*.out") if p not in owned]
    assert orphans == [], "name a golden <script stem>[.pyXY][.<method>].out"


def test_no_file_shadows_a_standard_library_module() -> None:
    """A script's own folder comes first on sys.path, so a sibling `queue.py` breaks its imports;
    so does a top-level `asyncio/` for `python -m` from the repository root."""
    shadowing = [
        str(path.relative_to(ROOT))
        for path in [*ROOT.glob("*.py"), *ROOT.glob("*/"), *EXAMPLES.rglob("*.py")]
        if path.stem in sys.stdlib_module_names
    ]
    assert shadowing == []


@pytest.mark.parametrize("example", EXAMPLES_, ids=lambda e: e.name)
def test_example_is_a_guarded_script_with_a_docstring(example: Example) -> None:
    # A PEP 723 `# /// script` block may come first: uv and pipx read it there.
    body = re.sub(r"\A(?:#.*\n)+\n?", "", example.source)
    assert body.startswith('"""'), "start with a one-line docstring naming the API shown"
    assert re.search(r'^if __name__ == "__main__":\n    main\(\)$', example.source, re.MULTILINE), (
        'end with the `if __name__ == "__main__":` guard calling main()'
    )


def titled_python_blocks(page: Page) -> list[tuple[str, str]]:
    """(title, code) of each titled Python block of the page as the site shows it."""
    from pytest_codeblocks import extract_from_buffer

    blocks = []
    for block in extract_from_buffer(io.StringIO(page.expanded)):
        match = re.fullmatch(r'(?:python|py)\s+title="([^"]*)"', block.syntax)
        if match:
            blocks.append((match[1], block.code))
    return blocks


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative)
def test_titled_code_blocks_show_example_files(page: Page) -> None:
    """A titled block shows a whole example file, titled with its name, or a section of one,
    titled `<name> (excerpt)`; an excerpt is plainly one: it never ends in the `__main__` guard."""
    sections = {
        expand_snippets(f'--8<-- "{i.path.relative_to(ROOT)}:{i.section}"')[0]: i.path.name
        for i in page.includes
        if i.section and i.path.suffix == ".py"
    }
    whole_files = {text.rstrip("\n"): example for text, example in catalog().shown_text.items()}
    wrong = []
    for title, code in titled_python_blocks(page):
        whole = whole_files.get(code.rstrip("\n"))
        excerpt = _sections_of_one_file(code, sections)
        if whole is not None and title != whole.name:
            wrong.append(f"{title!r} shows {whole.relative}: title it {whole.name!r}")
        elif whole is None and excerpt is None:
            wrong.append(f"{title!r} is pasted: include an example file or a section of one")
        elif whole is None and title != f"{excerpt} (excerpt)":
            wrong.append(f"{title!r} shows a section of {excerpt}: title it '{excerpt} (excerpt)'")
        elif whole is None and 'if __name__ == "__main__":' in code:
            wrong.append(
                f"{title!r} is an excerpt that looks whole: end the section before the guard"
            )
    assert wrong == []


def _sections_of_one_file(code: str, sections: dict[str, str]) -> str | None:
    """The file whose included sections, one after another, make up the block; else None."""
    rest, files = code, set()
    while rest.strip():
        found = next((text for text in sections if text and rest.startswith(text)), None)
        if found is None:
            return None
        rest = rest[len(found) :].removeprefix("\n")  # the line break between two includes
        files.add(sections[found])
    return files.pop() if len(files) == 1 else None


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


FACTORIZER_REFERENCE = EXAMPLES / "same-job-two-apis" / "same_job_two_apis_serial.py"
FACTORIZER_COPIES = sorted(
    path
    for path in EXAMPLES.rglob("*.py")
    if "def factorize(" in path.read_text() and path != FACTORIZER_REFERENCE
)


@pytest.mark.parametrize("script", FACTORIZER_COPIES, ids=lambda path: path.stem)
def test_every_copy_of_the_factorizer_job_is_the_same_job(script: Path) -> None:
    """Each script is whole, so it repeats the job; this keeps the copies from drifting apart."""
    assert _factorizer_parts(script) == _factorizer_parts(FACTORIZER_REFERENCE)


# The site's code column holds about 85 characters: a longer line scrolls under the copy button.
# examples/ruff.toml holds the Python scripts to the same width (and formats them at it); these
# tests also cover what ruff lets through (the shell scripts, a long URL) and the pages' own blocks.
CODE_WIDTH = 85
# Lines a page must show whole, each with the reason.
WIDE_LINES = {
    "No Dask scheduler answered at tcp://127.0.0.1:8786 within 5 s. Start one first: dask "
    "scheduler --host 127.0.0.1 --port 8786": "the script's error is one line by design "
    "(tests/test_dask_cluster.py)",
}


def _too_wide(lines: list[str], where: str) -> list[str]:
    return [
        f"{where}:{number}: {len(line)} characters"
        for number, line in enumerate(lines, 1)
        if len(line) > CODE_WIDTH
    ]


def test_example_lines_fit_the_code_column() -> None:
    scripts = [
        path
        for suffix in ("*.py", "*.sh")
        for path in EXAMPLES.rglob(suffix)
        if "__pycache__" not in path.parts
    ]
    wide = [
        entry
        for path in sorted(scripts)
        for entry in _too_wide(path.read_text().splitlines(), path.relative_to(ROOT).as_posix())
    ]
    assert wide == [], f"wrap these lines at {CODE_WIDTH} characters"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative)
def test_page_code_lines_fit_the_code_column(page: Page) -> None:
    """The blocks written on the page itself, and the output shown under them; an included file
    is held by the test above (an `--8<--` line is not shown: the file replaces it)."""
    from pytest_codeblocks import extract_from_buffer

    from tests.codeblocks import SHELL_LANGUAGES, shown_example

    wide = []
    for block in extract_from_buffer(io.StringIO(page.path.read_text())):
        if block.syntax in SHELL_LANGUAGES and shown_example(block.code):
            # The command is `python <the script's path>`; tests/codeblocks.py knows a shown run
            # only as that one line, so a long path stays long.
            continue
        lines = [
            line
            for line in [*block.code.splitlines(), *(block.expected_output or "").splitlines()]
            if not line.startswith("--8<--") and line not in WIDE_LINES
        ]
        wide += _too_wide(lines, f"{page.relative}, block at line {block.lineno}")
    assert wide == [], f"wrap these lines at {CODE_WIDTH} characters"
