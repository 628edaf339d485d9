"""How the browser tests are spread over xdist workers (`--dist loadgroup`).

Each worker that gets a browser group builds the site, serves it and starts Chromium once. A few
groups, not one: a single group would put every page load on one worker, the longest chain of
the whole run; each extra group costs one more build (about 8 s).
"""

from __future__ import annotations

import pytest

PAGE_GROUPS = 2  # page loads (tests/test_site/test_pages.py) are dealt round-robin over these
# Search, tabs, copy, dark mode, diagrams, the phone, and the colour rules on a few pages.
FEATURES = pytest.mark.xdist_group("browser-features")


def page_group(index: int) -> pytest.MarkDecorator:
    """The group of the index-th page, so that every test of one page shares its one visit."""
    return pytest.mark.xdist_group(f"browser-pages-{index % PAGE_GROUPS}")
