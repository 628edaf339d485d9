"""The pages' code, run as readers run it: `pytest --codeblocks docs`.

This replaces the stock pytest-codeblocks collector (it keeps its `--codeblocks` flag, its block
parser and its `<!--pytest-codeblocks:expected-output-->` syntax) and reads each page as the site
shows it, with every `--8<--` include expanded by pymdownx.snippets (tests/catalog.py). A page
yields these tests:

* each example script that lives with the page (examples/<page>/) runs once under every start
  method (or once, or under each `launch` command, as its `[tool.fvm]` table says), as `__main__`
  in a fresh interpreter with a time limit. Its stdout must be its golden output, its stderr
  empty, and it must leave no process running and nothing in /dev/shm; a script that starts a
  cluster (`network = true`) must keep every socket on the loopback address. This is the only run
  of each script: every other test reads the goldens these runs check.
* a `bash` block that only runs an example (`python examples/...`, or one of its `launch` commands)
  is not run again: the script must be in the catalog, and the output block under it must be one
  of that script's goldens.
* any other untitled `python`, `bash` or `sh` block runs as written: Python as a script in an empty
  folder, shell in bash from the repository root; its output, if the page shows it, must match.

With `--update-goldens`, the example runs rewrite their goldens instead of comparing with them
(tests/goldens.py says which file gets what).
"""

from __future__ import annotations

import difflib
import io
import shlex
import sys
import tempfile
from pathlib import Path

import pytest

from tests import dev_shm
from tests.catalog import START_METHODS, Example, Page, catalog, expand_snippets
from tests.goldens import GoldenRecorder
from tests.runner import Run, run, script_env
from tests.sockets import watching_sockets

SHELL_LANGUAGES = ("bash", "sh")
BLOCK_TIMEOUT = 120
SCRIPT_TIMEOUT = 30  # a script that hangs (e.g. without its `__main__` guard) fails, not stalls
CLUSTER_TIMEOUT = 120  # Ray alone takes 5-10 s on two busy cores; a hang must still end


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("general")
    group.addoption(
        "--codeblocks", action="store_true", help="test the code blocks of Markdown pages"
    )
    group.addoption(
        "--start-method",
        action="append",
        choices=START_METHODS,
        help="run the examples under this start method only (repeatable; default: all three)",
    )
    group.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the examples' golden .out files from their runs instead of comparing",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_RECORDER] = GoldenRecorder()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    if parent.config.option.codeblocks and file_path.suffix == ".md":
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


def pytest_sessionfinish(session: pytest.Session) -> None:
    for line in session.config.stash[_RECORDER].write():
        print(line)


_RECORDER = pytest.StashKey[GoldenRecorder]()


class MarkdownPage(pytest.File):
    def collect(self):
        # Imported here: the stock plugin's parser is the only part of it this module uses.
        from pytest_codeblocks import extract_from_buffer

        page = next((p for p in catalog().pages if p.path == self.path.resolve()), None)
        expanded = page.expanded if page else expand_snippets(self.path.read_text())[0]
        if page:
            yield from self._example_runs(page)
        for block in extract_from_buffer(io.StringIO(expanded)):
            # Like the stock plugin, only blocks whose info string is exactly the language.
            # Titled blocks show example files, run above.
            if block.syntax not in ("python", *SHELL_LANGUAGES):
                continue
            if block.marks:
                raise pytest.UsageError(
                    f"{self.path}: line {block.lineno}: a condition on a page block; say what a"
                    " script needs in its PEP 723 block instead"
                )
            name = f"line {block.lineno}"
            example = shown_example(block.code) if block.syntax in SHELL_LANGUAGES else None
            if example is not None:
                yield ShownCommand.from_parent(self, name=name, block=block, example=example)
            else:
                yield CodeBlockItem.from_parent(self, name=name, block=block)

    def _example_runs(self, page: Page):
        updating = self.config.option.update_goldens
        for example in catalog().examples_of(page):
            if example.launches:
                variants = [(f"launch-{i}", None, c) for i, c in enumerate(example.launches, 1)]
            elif example.start_methods:
                chosen = self.config.option.start_method or START_METHODS
                variants = [(m, m, None) for m in example.start_methods if m in chosen]
            else:
                variants = [("once", None, None)]
            for label, method, launch in variants:
                item = ExampleRun.from_parent(
                    self,
                    name=f"{example.name}[{label}]",
                    example=example,
                    start_method=method,
                    launch=launch,
                )
                if example.uses_network:  # a cluster uses both cores: one at a time
                    item.add_marker(pytest.mark.xdist_group("clusters"))
                elif updating:  # a folder's runs are written together (twins share goldens)
                    item.add_marker(pytest.mark.xdist_group(page.relative))
                yield item


def shown_example(command: str) -> Example | None:
    """The example a shell block runs, if running an example is all it does."""
    lines = [line.strip() for line in command.strip().splitlines()]
    if len(lines) != 1:
        return None
    words = shlex.split(lines[0])
    for example in catalog().examples:
        if words == ["python", example.relative] or any(
            words == shlex.split(launch) for launch in example.launches
        ):
            return example
    return None


class ExampleRun(pytest.Item):
    """One run of an example script, under one start method or launch command."""

    def __init__(
        self, *, example: Example, start_method: str | None, launch: str | None, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self.example = example
        self.start_method = start_method
        self.launch = launch

    def runtest(self) -> None:
        reason = self.example.why_it_cannot_run_here()
        if reason:
            pytest.skip(reason)
        import multiprocessing

        if self.start_method and self.start_method not in multiprocessing.get_all_start_methods():
            pytest.skip(f"{self.start_method} is not available on {sys.platform}")
        result, problems = self._run()
        assert result.returncode == 0, f"exit code {result.returncode}\n{result.stderr}"
        assert result.stderr == "", f"the script wrote to stderr:\n{result.stderr}"
        if self.config.option.update_goldens:
            self.config.stash[_RECORDER].record(self.example, self.start_method, result.stdout)
        else:
            golden = self.example.golden(self.start_method)
            expected = golden.path.read_text()
            assert result.stdout == expected, (
                f"stdout differs from {golden.path.name} (`make goldens` rewrites it):\n"
                + "".join(
                    difflib.unified_diff(
                        expected.splitlines(keepends=True),
                        result.stdout.splitlines(keepends=True),
                        golden.path.name,
                        "stdout",
                    )
                )
            )
        assert not result.leftovers, "left processes running:\n" + "\n".join(result.leftovers)
        assert problems == [], "\n".join(problems)

    def _run(self) -> tuple[Run, list[str]]:
        """Run the script; what it printed, and what it did wrong besides."""
        if self.example.uses_network:
            return self._run_watching_sockets()
        argv = (
            ["bash", "-c", self.launch] if self.launch else [sys.executable, self.example.relative]
        )
        isolated = dev_shm.run_isolated(
            argv, start_method=self.start_method, timeout=SCRIPT_TIMEOUT
        )
        problems = []
        if isolated.leaked:
            problems.append(f"left these in /dev/shm: {isolated.leaked} {isolated.note}".strip())
        return isolated.run, problems

    def _run_watching_sockets(self) -> tuple[Run, list[str]]:
        command = self.launch or [sys.executable, self.example.relative]
        with watching_sockets() as samples:
            result = run(command, env=script_env(self.start_method), timeout=CLUSTER_TIMEOUT)
        problems = [
            f"a socket off the loopback address: {s}"
            for s in samples.off_loopback(self.example.known_connections)
        ]
        if not samples.processes:
            problems.append("the sampler saw none of the script's processes")
        if not any(s.listening for s in samples.sockets):
            problems.append("the sampler saw no server listen (is `network = true` right?)")
        # Every process has ended: a file in /dev/shm that one of them had open and nobody removed
        # stays until the machine restarts (an aborted MPI run leaves its mpich_shm_* file).
        leaked = sorted(str(path) for path in samples.shared_memory if path.exists())
        for path in leaked:
            Path(path).unlink(missing_ok=True)  # reported; don't let them pile up
        if leaked:
            problems.append(f"left these in /dev/shm: {leaked}")
        return result, problems

    def repr_failure(self, excinfo):
        # What went wrong is in the message (exit code, stderr, the diff, the leftovers); the
        # frames of this runner and of pytest would only bury it.
        if isinstance(excinfo.value, AssertionError):
            return f"{self.example.relative} [{self.name.split('[')[-1]}: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.example.path, 0, f"{self.example.relative} [{self.name.split('[')[-1]}"


class ShownCommand(pytest.Item):
    """A shell block that runs an example: the example's own runs check it, so check the page."""

    def __init__(self, *, block, example: Example, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block = block
        self.example = example

    def runtest(self) -> None:
        shown = self.block.expected_output
        if shown is None:
            return
        goldens = {g.path.name: g.path.read_text() for g in self.example.goldens}
        assert any(_same_output(shown, text, False) for text in goldens.values()), (
            f"the output under `{self.block.code.strip()}` is none of its goldens"
            f" ({', '.join(goldens)}): include one with --8<--"
        )

    def reportinfo(self):
        return self.path, self.block.lineno, f"shell block, line {self.block.lineno}"


class CodeBlockItem(pytest.Item):
    def __init__(self, *, block, **kwargs) -> None:
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
        return "".join(expected.split()) == "".join(actual.split())
    # An included .out file ends with a newline, which leaves a blank line before the fence closes.
    return expected.rstrip("\n") == actual.rstrip("\n")
