"""Pool.map's default chunksize is ceil(len / (4 * workers)), as docs/guide/map-over-inputs.md says.

The formula lives in `Pool._map_async` (Lib/multiprocessing/pool.py). ThreadPool shares that code
with Pool, so the check needs no worker processes; the chunk size it chose is read back from the
(private) `_chunksize` of the result object.
"""

import math
from multiprocessing.pool import ThreadPool

import pytest


@pytest.mark.parametrize(("items", "workers"), [(12, 2), (1000, 4), (20_000, 2), (7, 8), (1, 2)])
def test_pool_map_splits_the_input_into_four_chunks_per_worker(items: int, workers: int) -> None:
    with ThreadPool(workers) as pool:
        result = pool.map_async(abs, range(items))
        assert result.get(timeout=30) == list(range(items))
    assert result._chunksize == math.ceil(items / (4 * workers))
