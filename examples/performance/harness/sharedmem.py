"""Pickling an array-sized buffer to a worker against sharing it
with shared_memory."""

from __future__ import annotations

import functools
from array import array
from multiprocessing import shared_memory

from .measure import Sample, Settings, Variant, time_repeatedly
from .pools import warm_executor
from .tasks import last_item, last_item_shared

TITLE = "Pickling against shared_memory"
UNIT = "ms per call"
SCALE = 1e3
BASELINE = "array pickled as the argument"
HELP = "an array of doubles sent pickled, or shared by name through shared_memory"
FULL_BYTES, QUICK_BYTES = 80_000_000, 1_000_000


@functools.cache
def start_resource_tracker() -> None:
    """Start this process's resource tracker before any worker exists.

    A worker forked while the tracker is not running starts a tracker of its own,
    which then warns about (and unlinks) the blocks the worker only attached to. The
    first block created starts the tracker, and every worker forked after it shares
    it.
    """
    starter = shared_memory.SharedMemory(create=True, size=1)
    starter.close()
    starter.unlink()


def variants(settings: Settings) -> list[Variant]:
    context, minimum = settings.context(), settings.min_time
    size = QUICK_BYTES if settings.quick else FULL_BYTES

    @functools.cache
    def array_of_doubles() -> array:
        return array("d", bytes(size))  # size // 8 doubles, all 0.0

    params = {"bytes": size}

    def pickled() -> Sample:
        data = array_of_doubles()
        with warm_executor(context, 1) as executor:
            return time_repeatedly(
                lambda: executor.submit(last_item, data).result(), minimum
            )

    def shared_fresh() -> Sample:
        data = array_of_doubles()
        start_resource_tracker()

        def body() -> None:
            block = shared_memory.SharedMemory(create=True, size=size)
            try:
                block.buf[:size] = memoryview(data).cast("B")
                executor.submit(last_item_shared, block.name).result()
            finally:
                block.close()
                block.unlink()

        with warm_executor(context, 1) as executor:
            return time_repeatedly(body, minimum)

    def shared_existing() -> Sample:
        block = shared_memory.SharedMemory(create=True, size=size)
        try:
            block.buf[:size] = memoryview(array_of_doubles()).cast("B")
            with warm_executor(context, 1) as executor:
                return time_repeatedly(
                    lambda: executor.submit(last_item_shared, block.name).result(),
                    minimum,
                )
        finally:
            block.close()
            block.unlink()

    return [
        Variant(BASELINE, pickled, 1, params),
        Variant(
            "shared_memory, created and filled per call", shared_fresh, 1, params
        ),
        Variant("shared_memory, block already filled", shared_existing, 1, params),
    ]
