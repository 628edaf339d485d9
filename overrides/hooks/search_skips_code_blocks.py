"""Keep code blocks, and the other text readers do not search for, out of the search index.

Readers search for error names and messages, which the prose, headings and tables hold. Every
page's search fetches the whole index, so what nobody looks for costs every reader who searches:

- the text of the example scripts (about half of the index, and it matched almost any query);
- tables of measured numbers (the performance pages): a figure is not a search term;
- the "How this is tested" note, the same paragraph at the end of many pages;
- the contributing page (how to add an example), for the project's authors, not its readers;
- the running prose after a section's first paragraph or list: a section's heading and its
  opening (where each page states its answer) are what a search result shows, and a later
  paragraph or list keeps only the names and messages it quotes (its `code` spans not already
  in the section), which is what readers search for.

Material's search plugin skips an element marked `data-search-exclude`, and a heading so marked
drops its whole section (material/plugins/search/plugin.py); a page whose `search.exclude` is set
is left out. The plugin indexes a page in its `on_page_context`, before this hook's (hooks run
after plugins), so the last rule trims the entries it made. Inline `code` stays searchable.
"""

from __future__ import annotations

import re

# Source pages (relative to docs/) left out of the search index, with the reason above.
PAGES = {"contributing.md"}
# Headings whose section is left out: the shared note (overrides/snippets/how-this-is-tested.md).
SECTIONS = {"how-this-is-tested"}

# The opening tag of a highlighted code block (pymdownx.highlight).
_BLOCK = re.compile(r'<(div class="(?:[^"]* )?highlight(?: [^"]*)?")')
_HEADING = re.compile(rf'<(h[2-6] id="(?:{"|".join(map(re.escape, SECTIONS))})")')
_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# A paragraph or list in an index entry's text (Material keeps these tags and `code`).
_PROSE = re.compile(r"<p>.*?</p>|<ul>.*?</ul>|<ol>.*?</ol>", re.DOTALL)
_CODE = re.compile(r"<code>.*?</code>", re.DOTALL)
# A cell that holds a measurement: digits with units, ratios, ranges or signs, and no word.
_SIGNS = r"[\d.,\s%~<>()/+:x\u00d7\u00b1\u2248\u2013\u2014-]"  # and times, plus-minus, dashes
_FIGURE = re.compile(rf"{_SIGNS}*\d{_SIGNS}*(?:[\u00b5m]?s|KiB|MiB|B)?")


def on_page_markdown(markdown: str, *, page, **_kwargs) -> str:
    if page.file.src_uri in PAGES:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_page_content(html: str, **_kwargs) -> str:
    html = _BLOCK.sub(r"<\1 data-search-exclude", html)
    html = _HEADING.sub(r"<\1 data-search-exclude", html)
    return _TABLE.sub(_mark_table_of_figures, html)


def on_page_context(context, *, config, **_kwargs):
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index"):
        for entry in search.search_index.entries:  # trimming twice changes nothing
            entry["text"] = _opening_and_quotes(entry["text"])
    return context


def _opening_and_quotes(text: str) -> str:
    """The first paragraph or list whole; of each later one, the code spans not seen before."""
    seen: set[str] = set()
    first = True

    def block(match: re.Match) -> str:
        nonlocal first
        quotes = list(dict.fromkeys(_CODE.findall(match.group(0))))
        if first:
            first = False
            seen.update(quotes)
            return match.group(0)
        quotes = [quote for quote in quotes if quote not in seen]
        seen.update(quotes)
        return f"<p>{' '.join(quotes)}</p>" if quotes else ""

    return _PROSE.sub(block, text)


def _mark_table_of_figures(match: re.Match) -> str:
    """A table most of whose cells are figures, marked to be left out."""
    cells = [_TAG.sub("", cell).strip() for cell in _CELL.findall(match.group(1))]
    figures = sum(1 for cell in cells if _FIGURE.fullmatch(cell))
    if cells and figures * 2 >= len(cells):
        return "<table data-search-exclude>" + match.group(1) + "</table>"
    return match.group(0)
