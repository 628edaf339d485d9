"""Keep code blocks out of the search index.

Readers search for error names and messages, which the prose, headings and tables hold; the text
of the example scripts made up about half of the index that every page downloads, and matched
almost any query. Material's search plugin skips an element marked `data-search-exclude`
(material/plugins/search/plugin.py), so this marks each highlighted block before the plugin
reads the page. Inline `code` in prose stays searchable.
"""

from __future__ import annotations

import re

# The opening tag of a highlighted code block (pymdownx.highlight).
_BLOCK = re.compile(r'<(div class="(?:[^"]* )?highlight(?: [^"]*)?")')


def on_page_content(html: str, **_kwargs) -> str:
    return _BLOCK.sub(r"<\1 data-search-exclude", html)
