"""pytest-codeblocks for pages that include their code: `pytest --codeblocks docs`.

The stock plugin reads a page's Markdown as written, so `--8<--` include lines reach it unexpanded,
and it runs Python blocks in-process, where `__name__` is not "__main__" and process pools cannot
pickle functions. This plugin keeps its syntax (`<!--pytest-codeblocks:expected-output-->`,
`<!--pytest.mark.skip(reason="...")-->`, ...) and its block parser, but first expands each page with
the pymdownx.snippets settings of mkdocs.yml, so it tests what the site shows; and it runs every
block as a reader would: Python blocks as a script in a fresh interpreter, shell blocks in bash,
each with a timeout that kills everything it started.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.runner import ROOT, run

if TYPE_CHECKING:
    from pytest_codeblocks.main import CodeBlock

COLLECTED_LANGUAGES = ("python", "bash", "sh")
BLOCK_TIMEOUT = 120


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("general").addoption(
        "--codeblocks", action="store_true", help="test the code blocks of Markdown pages"
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    if parent.config.option.codeblocks and file_path.suffix == ".md":
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


@cache
def _snippets_preprocessor():
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    options = dict(config["mdx_configs"]["pymdownx.snippets"])
    options["base_path"] = [str(ROOT / path) for path in options.get("base_path", ["."])]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )
    return md.preprocessors["snippet"]


def expand_snippets(text: str) -> str:
    """The page as the site renders it: every `--8<--` include replaced by the file's lines."""
    return "\n".join(_snippets_preprocessor().run(text.split("\n")))


class MarkdownPage(pytest.File):
    def collect(self):
        # Imported here: the example matrix (nox) runs without the site's toolchain installed.
        from pytest_codeblocks import extract_from_buffer

        blocks = extract_from_buffer(io.StringIO(expand_snippets(self.path.read_text())))
        for block in blocks:
            # Like the stock plugin: a block is collected only if its info string is exactly the
            # language. Titled blocks (```python title="x.py") show example files, which
            # tests/test_examples.py runs under every start method.
            if block.syntax not in COLLECTED_LANGUAGES:
                continue
            item = CodeBlockItem.from_parent(self, name=f"line {block.lineno}", block=block)
            for mark in block.marks:
                item.add_marker(eval(mark, {"sys": sys, "pytest": pytest}))
            yield item


class CodeBlockItem(pytest.Item):
    def __init__(self, *, block: CodeBlock, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block = block

    def runtest(self) -> None:
        if self.block.importorskip:
            pytest.importorskip(self.block.importorskip)
        if self.block.syntax == "python":
            # A reader pastes the block into a file and runs it: `__name__` is "__main__".
            with tempfile.TemporaryDirectory() as folder:
                script = Path(folder) / "block.py"
                script.write_text(self.block.code)
                result = run([sys.executable, script.name], cwd=Path(folder), timeout=BLOCK_TIMEOUT)
        else:
            result = run(self.block.code, timeout=BLOCK_TIMEOUT)
        if result.returncode != 0:
            raise CodeBlockError(self, f"exited with code {result.returncode}", result.stderr)
        if result.leftovers:
            raise CodeBlockError(self, "left processes running", "\n".join(result.leftovers))
        expected = self.block.expected_output
        if expected is not None and not _same_output(
            expected, result.stdout, self.block.expected_output_ignore_whitespace
        ):
            raise CodeBlockError(
                self, "printed something else", f"expected:\n{expected}\ngot:\n{result.stdout}"
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str:
        if isinstance(excinfo.value, CodeBlockError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.block.lineno, f"{self.block.syntax} block, line {self.block.lineno}"


class CodeBlockError(Exception):
    def __init__(self, item: CodeBlockItem, what: str, details: str) -> None:
        super().__init__(
            f"{item.path.name}, {item.block.syntax} block at line {item.block.lineno} of the"
            f" expanded page {what}:\n{item.block.code}\n{details}"
        )


def _same_output(expected: str, actual: str, ignore_whitespace: bool) -> bool:
    if ignore_whitespace:
        return re.sub(r"\s+", "", expected) == re.sub(r"\s+", "", actual)
    # An included .out file ends with a newline, which leaves a blank line before the fence closes.
    return expected.rstrip("\n") == actual.rstrip("\n")
