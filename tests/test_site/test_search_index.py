"""The search index stays small: a reader who searches downloads all of it.

It was 453 KB with the code blocks' text; overrides/hooks/search_skips_code_blocks.py keeps out
what readers do not search for. That search still finds each error's page first is
test_features.py's search test.
"""

from __future__ import annotations

import pytest

from tests.test_site.built_site import Site

# Raw bytes (before gzip), well under half of the 453 KB the index weighed with the code blocks.
BUDGET_BYTES = 200_000


def search_index_bytes(site: Site) -> int:
    return (site.directory / "search" / "search_index.json").stat().st_size


@pytest.mark.zensical_lacks(
    "MkDocs hooks: overrides/hooks/search_skips_code_blocks.py keeps code out of the index"
)
def test_search_index_is_within_budget(built_site: Site) -> None:
    size = search_index_bytes(built_site)
    assert size <= BUDGET_BYTES, (
        f"search/search_index.json is {size:,} bytes, over {BUDGET_BYTES:,}: leave out what"
        " readers do not search for (overrides/hooks/search_skips_code_blocks.py)"
    )
