"""Draw a page's decision list as a flowchart: SVG, light and dark, no JavaScript to read it.

The source is the list itself, on the page, between two comments, so that the chart and its text
alternative cannot disagree:

    <!-- flowchart: diagrams/which-one -->

    1. **A question?**
        - An answer: use [a choice](#where-it-is-explained).
        - Another answer: go to 2.
    2. **The next question?**
        - ...

    <!-- end flowchart -->

(The blank lines keep Markdown from reading the list as part of the comment.)

Each question lists its answers; an answer either ends in one choice (`use ...`) or leads to a
later question (`go to N`). The chart is a ladder: questions down the left, each choice a box off
to the side. `python -m overrides.flowchart` (`make diagrams`) writes `<name>-light.svg` and
`<name>-dark.svg` next to the page (`docs/guide/diagrams/which-one-light.svg` here); the same page
always gives the same bytes, so tests/test_site/test_polish.py can tell a stale chart from a fresh
one. Text stays text in the page's system fonts; its widths are estimated from DejaVu Sans, the
widest of the usual fallbacks, and the browser tests check that every label fits its box.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_START = re.compile(r"^\s*<!-- flowchart: (\S+) -->\s*$")
_END = re.compile(r"^\s*<!-- end flowchart -->\s*$")
_QUESTION = re.compile(r"^(\d+)\. \*\*(.+)\*\*$")
_ANSWER = re.compile(r"^- (.+?): (?:use (.+)|go to (\d+))\.$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")
_CODE = re.compile(r"`([^`]+)`")

# Material's system font stacks (theme `font: false`); an image cannot use the page's fonts.
SANS = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
MONO = "SFMono-Regular, Consolas, Menlo, monospace"

# Advance widths in em, rounded up to 0.05, of DejaVu Sans (Book); any other character counts
# as the widest. Monospace text counts 0.61 em a character (DejaVu Sans Mono: 0.602).
_SANS_WIDTHS = {
    0.30: "'IJijl",
    0.35: " ,./:;\\|",
    0.40: "()-[]ft",
    0.45: "!r",
    0.50: '"*_`',
    0.55: "?csz",
    0.60: "FLkvxy",
    0.65: "$0123456789EPSTYabdeghnopqu{}",
    0.70: "ABCKRVXZ",
    0.75: "NU",
    0.80: "&DGHOQ",
    0.85: "#+<=>^w~",
    0.90: "M",
    1.00: "%@Wm",
}
_SANS_EM = {char: em for em, chars in _SANS_WIDTHS.items() for char in chars}
_MONO_EM = 0.61

THEMES = {
    # Text as on the performance charts; a choice's box in Material's indigo (the site's primary
    # colour), with text above 7:1 on its fill. The background stays transparent.
    "light": {"text": "#333333", "line": "#5f5f5f", "fill": "#e8eaf6", "edge": "#3f51b5"},
    "dark": {"text": "#e6e6e6", "line": "#a6a6a6", "fill": "#283593", "edge": "#9fa8da"},
}

# The geometry, in CSS pixels at the image's own size. 340 px fits the text column of a 390 px
# phone (Material leaves 358 px), so the image is shown unscaled there and on a desktop, and its
# text is as large as the page's body text (16 px).
WIDTH = 340
FONT = 16
LINE = 21  # line height
PAD = 10  # inside a box
SPINE = 16  # x of the line that joins the questions
CHOICE_X = 60  # a choice's box starts here; a short answer fits on the line that leads to it
GAP = 14  # between boxes


@dataclass(frozen=True)
class Answer:
    text: str  # Markdown
    choice: str | None  # Markdown, when the answer ends here
    goes_to: int | None  # the number of the next question, otherwise


@dataclass(frozen=True)
class Question:
    number: int
    text: str  # Markdown
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Flowchart:
    page: Path
    name: str  # the images' path from the page's folder, without -light.svg / -dark.svg
    questions: tuple[Question, ...]

    def image(self, theme: str) -> Path:
        return self.page.parent / f"{self.name}-{theme}.svg"


class FlowchartError(ValueError):
    pass


def flowcharts(page: Path) -> list[Flowchart]:
    """Every flowchart list on a Markdown page, read and checked."""
    found, lines, name = [], [], None
    for number, line in enumerate(page.read_text().splitlines(), 1):
        start = _START.match(line)
        if start:
            name, lines, first = start[1], [], number + 1
        elif _END.match(line) and name is not None:
            found.append(Flowchart(page, name, _questions(lines, page, first)))
            name = None
        elif name is not None:
            lines.append(line)
    if name is not None:
        raise FlowchartError(f"{page}: flowchart {name} has no <!-- end flowchart -->")
    return found


def _items(lines: list[str]) -> list[tuple[bool, str]]:
    """(is a question, text on one line) for each list item; an item may wrap over lines."""
    items: list[tuple[bool, str]] = []
    texts = [line for line in lines if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in texts), default=0)
    for line in texts:
        if re.match(r"\d+\. ", line[indent:]):
            items.append((True, line.strip()))
        elif line.strip().startswith("- ") and line[indent:].startswith(" "):
            items.append((False, line.strip()))
        elif items:
            items[-1] = (items[-1][0], f"{items[-1][1]} {line.strip()}")
        else:
            raise FlowchartError(f"the list must start with `1. **question**`: {line.strip()}")
    return items


def _questions(lines: list[str], page: Path, first: int) -> tuple[Question, ...]:
    questions: list[tuple[int, str, list[Answer]]] = []
    try:
        items = _items(lines)
    except FlowchartError as error:
        raise FlowchartError(f"{page}:{first}: {error}") from None
    for is_question, text in items:
        question = _QUESTION.match(text) if is_question else None
        answer = None if is_question else _ANSWER.match(text)
        if question:
            questions.append((int(question[1]), question[2], []))
        elif answer and questions:
            choice, goes_to = answer[2], answer[3]
            questions[-1][2].append(Answer(answer[1], choice, int(goes_to) if goes_to else None))
        else:
            raise FlowchartError(
                f"{page}:{first}: neither `N. **question**` nor `- answer: use .../go to N.`: {text}"
            )
    numbers = [number for number, _, _ in questions]
    if numbers != list(range(1, len(numbers) + 1)):
        raise FlowchartError(f"{page}: questions must be numbered 1 to N in order: {numbers}")
    for number, text, answers in questions:
        onward = [a.goes_to for a in answers if a.goes_to is not None]
        if not answers or onward not in ([], [number + 1]):
            raise FlowchartError(
                f"{page}: question {number} ({text}) needs answers, and at most one of them may"
                " go on, to the next question: the chart is drawn as a ladder"
            )
        if number < len(questions) and not onward:
            raise FlowchartError(f"{page}: nothing leads past question {number} ({text})")
    return tuple(Question(n, text, tuple(answers)) for n, text, answers in questions)


# Text: Markdown's links and code spans, as words made of runs of (text, monospace).

Word = tuple[tuple[str, bool], ...]


def plain(markdown: str) -> str:
    """The text a reader sees: link targets and code marks left out."""
    return _CODE.sub(r"\1", _LINK.sub(r"\1", markdown))


def _words(markdown: str) -> list[Word]:
    """Words split at spaces; `imap`, is one word of two runs, as it must not break."""
    words: list[list[tuple[str, bool]]] = [[]]
    for index, part in enumerate(_CODE.split(_LINK.sub(r"\1", markdown))):
        mono = index % 2 == 1  # odd parts were in backticks
        pieces = [part] if mono else part.split(" ")
        for number, piece in enumerate(pieces):
            if number:
                words.append([])
            if piece:
                words[-1].append((piece, mono))
    return [tuple(word) for word in words if word]


def _width(text: str, mono: bool) -> float:
    if mono:
        return len(text) * _MONO_EM * FONT
    return sum(_SANS_EM.get(char, 1.0) for char in text) * FONT


def _line_width(line: list[Word]) -> float:
    runs = sum(_width(text, mono) for word in line for text, mono in word)
    return runs + _width(" ", False) * (len(line) - 1)


def wrap(markdown: str, width: float) -> list[list[Word]]:
    """The text in lines no wider than `width`; a word wider than that gets a line of its own."""
    lines: list[list[Word]] = [[]]
    for word in _words(markdown):
        if lines[-1] and _line_width([*lines[-1], word]) > width:
            lines.append([])
        lines[-1].append(word)
    return lines


def capitalized(markdown: str) -> str:
    """The text with its first letter in capitals, unless it starts with code."""
    return re.sub(r"^(\[?)([a-z])", lambda match: match[1] + match[2].upper(), markdown)


# Drawing.


class _Canvas:
    def __init__(self, theme: dict[str, str]) -> None:
        self.theme = theme
        self.parts: list[str] = []
        self.height = 0

    def text(self, lines: list[list[Word]], x: int, top: int, italic: bool = False) -> int:
        """Lines of text from `top`; returns the y below them."""
        style = ' font-style="italic"' if italic else ""
        for number, line in enumerate(lines):
            baseline = top + number * LINE + FONT
            runs = []
            for index, word in enumerate(line):
                runs.append(" " if index else "")
                for text, mono in word:
                    if mono:
                        runs.append(f'<tspan font-family="{MONO}">{escape(text)}</tspan>')
                    else:
                        runs.append(escape(text))
            self.parts.append(f'<text x="{x}" y="{baseline}"{style}>{"".join(runs)}</text>')
        return top + len(lines) * LINE

    def box(self, x: int, top: int, width: int, height: int, choice: bool) -> None:
        if choice:
            fill, stroke, radius = self.theme["fill"], self.theme["edge"], height // 2
        else:
            fill, stroke, radius = "none", self.theme["line"], 6
        self.parts.append(
            f'<rect x="{x}.5" y="{top}.5" width="{width - 1}" height="{height - 1}"'
            f' rx="{min(radius, 18)}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
        )

    def line(self, x1: int, y1: int, x2: int, y2: int) -> None:
        self.parts.append(
            f'<path d="M{x1} {y1}L{x2} {y2}" stroke="{self.theme["line"]}" stroke-width="1.5"/>'
        )

    def arrowhead(self, x: int, y: int, direction: str) -> None:
        """A filled arrowhead whose point is at (x, y), pointing "down" or "right"."""
        if direction == "down":
            points = f"{x - 5},{y - 8} {x + 5},{y - 8} {x},{y}"
        else:
            points = f"{x - 8},{y - 5} {x - 8},{y + 5} {x},{y}"
        self.parts.append(f'<polygon points="{points}" fill="{self.theme["line"]}"/>')

    def svg(self, description: str) -> str:
        header = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{self.height}"'
            f' viewBox="0 0 {WIDTH} {self.height}" font-family="{SANS}" font-size="{FONT}"'
            f' fill="{self.theme["text"]}">'
        )
        comment = f"<!-- {escape(description)} -->"
        return "\n".join([header, comment, *self.parts, "</svg>"]) + "\n"


def _choice(canvas: _Canvas, answer: Answer, top: int) -> tuple[int, int]:
    """One answer that ends in a choice, off the spine from `top`; returns the y of the line from
    the spine and the y below the box."""
    label = wrap(capitalized(answer.text), CHOICE_X - SPINE - 12)
    if len(label) > 1:  # too long for the line to the box: above the box instead
        label_lines = wrap(capitalized(answer.text), WIDTH - CHOICE_X)
        top = canvas.text(label_lines, CHOICE_X, top, italic=True) + 4
        label = []
    choice_lines = wrap(capitalized(answer.choice or ""), WIDTH - CHOICE_X - 2 * PAD)
    height = len(choice_lines) * LINE + 2 * PAD - 4
    canvas.box(CHOICE_X, top, WIDTH - CHOICE_X, height, choice=True)
    canvas.text(choice_lines, CHOICE_X + PAD, top + PAD - 2)
    middle = top + height // 2
    canvas.line(SPINE, middle, CHOICE_X - 1, middle)
    canvas.arrowhead(CHOICE_X, middle, "right")
    if label:
        canvas.text(label, SPINE + 6, middle - LINE - 1, italic=True)
    return middle, top + height


def draw(flowchart: Flowchart, theme: str) -> str:
    canvas = _Canvas(THEMES[theme])
    top = 1
    for question in flowchart.questions:
        lines = wrap(question.text, WIDTH - 2 * PAD)
        height = len(lines) * LINE + 2 * PAD - 4
        canvas.box(0, top, WIDTH, height, choice=False)
        canvas.text(lines, PAD, top + PAD - 2)
        spine_top = top + height
        top = spine_top + GAP
        onward = None
        for answer in question.answers:
            if answer.goes_to is None:
                spine_end, below = _choice(canvas, answer, top)
                top = below + GAP
            else:
                onward = answer
        if onward is None:  # the last question: the spine ends at its last choice
            canvas.line(SPINE, spine_top, SPINE, spine_end)
            top -= GAP
            continue
        label = wrap(capitalized(onward.text), WIDTH - SPINE - 10)
        below = canvas.text(label, SPINE + 10, top - 2, italic=True)
        top = below + GAP
        canvas.line(SPINE, spine_top, SPINE, top - 1)
        canvas.arrowhead(SPINE, top, "down")
    canvas.height = top + 1
    source = flowchart.page.relative_to(ROOT).as_posix()
    return canvas.svg(f"Drawn by `make diagrams` from {source}; edit the list there, not this file")


def rendered(flowchart: Flowchart) -> dict[Path, str]:
    """The images of one flowchart, by path, as `make diagrams` writes them."""
    return {flowchart.image(theme): draw(flowchart, theme) for theme in THEMES}


def every_flowchart(docs: Path = DOCS) -> list[Flowchart]:
    return [chart for page in sorted(docs.rglob("*.md")) for chart in flowcharts(page)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m overrides.flowchart",
        description="Redraw every flowchart list under docs/ as light and dark SVG images.",
    )
    parser.parse_args(argv)
    try:
        charts = every_flowchart()
    except FlowchartError as error:
        sys.exit(f"error: {error}")
    for chart in charts:
        for path, svg in rendered(chart).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(svg)
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
