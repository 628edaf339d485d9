"""Worker functions: at module level, so every start method can pickle them by name."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from multiprocessing import shared_memory


def noop(x: int) -> int:
    """A task that does nothing, so a pool's own cost per task is all that is timed."""
    return x


def echo(payload: bytes) -> bytes:
    """Send the payload back: it crosses the process boundary twice."""
    return payload


def last_item(buffer: Sequence[float]) -> float:
    """Touch an array that arrived pickled (the unpickled copy is already in memory)."""
    return buffer[-1]


def last_item_shared(name: str) -> int:
    """Attach to a shared memory block by name and touch it: nothing is copied."""
    # Since 3.13 an attaching process can stay out of the resource tracker, which must only
    # clean up after the process that created the block.
    extra = {"track": False} if sys.version_info >= (3, 13) else {}
    block = shared_memory.SharedMemory(name=name, **extra)
    try:
        return block.buf[-1]
    finally:
        block.close()
