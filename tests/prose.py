"""A page's prose, as the tests that hold it to evidence read it.

A page splits into blocks: a paragraph, a list item, a table row, an admonition's text. Code
blocks, included scripts, HTML comments, headings and the front matter are not prose. Each block
knows its code spans (what it quotes) and its links (where its evidence is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_FENCE = re.compile(r"^\s*(```|~~~)")
_STARTS_BLOCK = re.compile(r"^\s*(?:[-*+] |\d+\. |\||!!!|\?\?\?|===)")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# An admonition's or a tab's title line: a heading, not prose (it cannot hold a link).
_TITLE = re.compile(r'^\s*(?:!!!|\?\?\?\+?|===\+?)\s*[\w-]*\s*(?:"[^"]*")?\s*$')
_LINK = re.compile(r"\]\(([^)\s]+)(?: \"[^\"]*\")?\)")


@dataclass(frozen=True)
class Block:
    """One paragraph, list item or table row of a page, with its text on one line."""

    page: Path
    line: int
    text: str

    @property
    def code_spans(self) -> list[str]:
        return [match[2].strip() for match in _CODE_SPAN.finditer(self.text)]

    @property
    def links(self) -> list[str]:
        return _LINK.findall(self.text)

    @property
    def words(self) -> str:
        """The text a reader reads as prose: code spans and link targets left out."""
        without_targets = _LINK.sub("]", self.text)
        return _CODE_SPAN.sub(" ", without_targets)

    def __str__(self) -> str:
        return f"{self.page.name}:{self.line}: {self.text[:100]}"


def prose_blocks(page: Path) -> list[Block]:
    """The blocks of a Markdown page, in order."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current:
            blocks.append(Block(page, start, " ".join(current)))
            current.clear()

    lines = page.read_text().splitlines()
    skip_until: str | None = None
    if lines and lines[0] == "---":  # front matter
        skip_until = "---"
        lines[0] = ""
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if skip_until is not None:
            if stripped.startswith(skip_until) or (skip_until == "-->" and "-->" in stripped):
                skip_until = None
            continue
        fence = _FENCE.match(line)
        if fence:
            flush()
            skip_until = fence[1]
            continue
        if stripped.startswith("<!--"):
            flush()
            if "-->" not in stripped:
                skip_until = "-->"
            continue
        if not stripped or stripped.startswith(("#", "--8<--", "<")) or _TITLE.match(line):
            flush()
            continue
        if _STARTS_BLOCK.match(line):
            flush()
        if not current:
            start = number
        current.append(stripped)
    flush()
    return [block for block in blocks if not set(block.text) <= set("|-: ")]
