"""What readers copy, runs: every Python block on the built site, pasted into a file in an empty
folder and run under spawn in a fresh interpreter, exits 0 within its time bound.

The blocks come from the built HTML, so this tests what readers see after the includes are
expanded (and without the `# --8<--` section markers, which the site drops). A block that is not a
complete script says so in the page source:

* a block titled `<file>.py (excerpt)` shows part of an example file;
* `text` and `console` blocks are output or terminal sessions, `bash`/`sh` blocks are commands run
  from a clone of the repository (`pytest --codeblocks docs` runs those), `toml`, `yaml`, `json`,
  `ini` and `markdown` blocks are configuration or page source;
* any other block that is not a script has `<!-- not-a-script: the reason -->` on the line before.

Blocks in the API reference are rendered from CPython's docstrings, not written here, and are left
out. A block that is, byte for byte, an example file is not run again: the page's own runs
(tests/codeblocks.py) run that file under every start method. Scripts whose PEP 723 block needs
another Python or a missing package are skipped, with why.
"""

from __future__ import annotations

import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.catalog import catalog, why_source_cannot_run_here
from tests.runner import run
from tests.test_site.built_site import CodeBlock, ParsedPage, Site, docs_page_paths

SCRIPT_TIMEOUT = 30

PYTHON = {"python", "py", "python3"}
NOT_SCRIPTS = {
    "text": "output",
    "console": "a terminal session",
    "pycon": "an interactive session",
    "bash": "shell commands",
    "sh": "shell commands",
    "shell": "shell commands",
    "toml": "configuration",
    "yaml": "configuration",
    "json": "configuration",
    "ini": "configuration",
    "markdown": "page source",
}
_results: dict[str, str | None] = {}  # script text -> failure (None: ran), shared across pages


def is_an_example_file(text: str) -> bool:
    """The block is a whole example file, which the pages' runs already run."""
    return text.rstrip("\n") in {shown.rstrip("\n") for shown in catalog().shown_text}


def why_not_a_script(block: CodeBlock) -> str | None:
    """Why a reader would not run this block as a script, or None if it is one."""
    if block.marker:
        return block.marker
    if block.title.endswith("(excerpt)"):
        return "an excerpt"
    if block.language in NOT_SCRIPTS:
        return NOT_SCRIPTS[block.language]
    return None


def run_copied_script(text: str) -> str | None:
    """Run the text as `script.py` in an empty folder under spawn; a failure message, or None."""
    with tempfile.TemporaryDirectory(prefix="copied-") as folder:
        Path(folder, "script.py").write_text(text)
        result = run(
            [sys.executable, "script.py"],
            start_method="spawn",
            cwd=Path(folder),
            timeout=SCRIPT_TIMEOUT,
        )
    if result.returncode != 0:
        return f"exit code {result.returncode}\n{result.stderr}"
    if result.leftovers:
        return "left processes running:\n" + "\n".join(result.leftovers)
    return None


@pytest.mark.parametrize("path", docs_page_paths(), ids=lambda path: "/" + path)
def test_every_script_a_reader_can_copy_runs(built_site: Site, path: str) -> None:
    scripts, unmarked, skipped, ran = [], [], [], 0
    for block in built_site.parsed(path).code_blocks:
        if block.in_api_docs or why_not_a_script(block):
            continue
        if block.language not in PYTHON:
            unmarked.append(f"a {block.language or 'plain'} block:\n{block.text[:200]}")
            continue
        if is_an_example_file(block.text):
            ran += 1
            continue
        reason = why_source_cannot_run_here(block.text)
        if reason:
            skipped.append(f"{block.title or 'untitled block'}: {reason}")
        else:
            ran += 1
            if block.text not in _results:
                scripts.append(block)
    assert unmarked == [], "mark these blocks <!-- not-a-script: reason --> or give a language"
    # Two at a time: each script itself starts worker processes.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for block, failure in zip(
            scripts, pool.map(lambda b: run_copied_script(b.text), scripts), strict=True
        ):
            _results[block.text] = failure
    failures = [
        f"{block.title or 'untitled block'}: {_results[block.text]}"
        for block in built_site.parsed(path).code_blocks
        if _results.get(block.text)
    ]
    assert failures == [], "\n\n".join(failures)
    if skipped and not ran:
        pytest.skip("; ".join(skipped))


def test_a_not_a_script_comment_marks_only_the_block_right_after_it() -> None:
    html = """
<!-- not-a-script: the worker function only -->
<div class="language-python highlight"><pre><code>def work(x): return x
</code></pre></div>
<!-- not-a-script: a marker whose block never came -->
<p>A paragraph in between.</p>
<div class="language-python highlight"><span class="filename">x.py (excerpt)</span><pre><code>y = 1
</code></pre></div>
<div class="language-python highlight"><pre><code>print(1)
</code></pre></div>
<div class="language-text highlight"><pre><code>1
</code></pre></div>"""
    blocks = ParsedPage.parse(html).code_blocks
    assert [why_not_a_script(block) for block in blocks] == [
        "the worker function only",
        "an excerpt",
        None,
        "output",
    ]
    assert blocks[2].text == "print(1)\n"
