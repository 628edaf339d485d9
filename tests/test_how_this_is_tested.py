"""Every page that shows code ends with the same "How this is tested" note, from one include.

Pages lead with what a reader came for; how the suite checks the page comes last, in one wording
(overrides/snippets/how-this-is-tested.md), so that no page describes the tests differently.
"""

from __future__ import annotations

import re

from tests.catalog import DOCS, ROOT

NOTE = "overrides/snippets/how-this-is-tested.md"
INCLUDE = f'--8<-- "{NOTE}"'
CODE_BLOCK = re.compile(r"^ *```(?:python|bash|sh|console)\b", re.MULTILINE)
HEADING = (ROOT / NOTE).read_text().splitlines()[0]
OWN_NOTE = re.compile(r"^## How (?:this|it) is tested|^## How this site is tested", re.MULTILINE)


def pages_with_code() -> dict[str, str]:
    return {
        str(path.relative_to(DOCS)): path.read_text()
        for path in sorted(DOCS.rglob("*.md"))
        if CODE_BLOCK.search(path.read_text())
    }


def test_every_page_with_code_ends_with_the_note() -> None:
    missing = [
        page
        for page, text in pages_with_code().items()
        # The include, then at most a few page-specific lines, no further section.
        if not re.search(rf"^{re.escape(INCLUDE)}\n(?:\n?[^#\n].*\n)*\Z", text, re.MULTILINE)
    ]
    assert missing == [], "end these pages with the include (after any page-specific lines)"


def test_no_page_writes_its_own_note() -> None:
    own = [
        str(path.relative_to(DOCS))
        for path in DOCS.rglob("*.md")
        if OWN_NOTE.search(path.read_text())
    ]
    assert own == [], f"these pages write {HEADING!r} themselves; include {NOTE} instead"
