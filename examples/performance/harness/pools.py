"""Pools that are started and warm before the clock starts, and closed after it stops."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool

from .tasks import noop


@contextlib.contextmanager
def warm_pool(context: BaseContext, workers: int) -> Iterator[Pool]:
    """A Pool whose workers have all booted (spawn takes a while) and run a task."""
    pool = context.Pool(workers)
    try:
        pool.map(noop, range(4 * workers), chunksize=1)
        yield pool
    finally:
        pool.close()
        pool.join()


@contextlib.contextmanager
def warm_executor(context: BaseContext, workers: int) -> Iterator[ProcessPoolExecutor]:
    """An executor whose workers exist: it starts them on demand, at its first submits."""
    executor = ProcessPoolExecutor(workers, mp_context=context)
    try:
        list(executor.map(noop, range(4 * workers)))
        yield executor
    finally:
        executor.shutdown()
