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
    folders = {path.parent for path in EXAMPLES.rglob("*") if path.is_file()}
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
