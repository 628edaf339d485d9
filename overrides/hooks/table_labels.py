"""Give each table cell its column's name, on the pages that ask, so a row can read as a card.

On a narrow screen the stylesheet (docs/stylesheets/a11y.css) lays out each row of such a table
as a card and shows every cell under its column's name. CSS can show an attribute of an element
(`attr()`) but not the text of another element, so the name is copied into a `data-label`
attribute here, at build time: the page needs no script for it, and it is laid out in its final
form at first paint, where a script that copied the names at load would shift the page.

A page asks with `stacked_tables: true` in its front matter. The tables of such a page are
marked `data-stacked`; Material styles only tables without a class, so the mark is an attribute.
"""

from __future__ import annotations

import html
import re

# Python-Markdown's tables extension writes `<table>`, then a `<thead>` row of `<th>` cells and a
# `<tbody>` of rows of `<td>` cells, one per column (no spans), each on a line of its own.
_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def on_page_content(html_text: str, page, **_kwargs) -> str:
    if page.meta.get("stacked_tables") is not True:
        return html_text
    return _TABLE.sub(_labelled, html_text)


def _labelled(table: re.Match[str]) -> str:
    head, separator, body = table[1].partition("</thead>")
    if not separator:  # a table without a header row has no names to give
        return table[0]
    names = [
        html.escape(" ".join(html.unescape(_TAG.sub("", cell)).split()))
        for cell in _HEADER_CELL.findall(head)
    ]

    def label_row(row: re.Match[str]) -> str:
        columns = iter(names)
        return _CELL.sub(lambda cell: f'{cell[0]} data-label="{next(columns, "")}"', row[0])

    return f"<table data-stacked>{head}</thead>{_ROW.sub(label_row, body)}</table>"
