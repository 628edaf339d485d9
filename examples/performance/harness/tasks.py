"""Worker functions: at module level, so every start method can pickle them
by name."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from multiprocessing import shared_memory
from multiprocessing.synchronize import Barrier

# How long a worker waits for the others to start before the harness gives up: far
# longer than any start method takes, short enough that a pool which cannot start
# them all fails clearly.
MEETING_TIMEOUT_S = 60.0

_barrier: Barrier | None = None


def share_barrier(barrier: Barrier) -> None:
    """A pool's initializer: keep the barrier every worker of the pool waits at."""
    global _barrier
    _barrier = barrier


def meet(_: int) -> int:
    """Wait until every worker of the pool holds one of these tasks;
    return this worker's PID."""
    _barrier.wait(MEETING_TIMEOUT_S)
    return os.getpid()


def noop(x: int) -> int:
    """A task that does nothing,
    so a pool's own cost per task is all that is timed."""
    return x


def echo(payload: bytes) -> bytes:
    """Send the payload back: it crosses the process boundary twice."""
    return payload


def last_item(buffer: Sequence[float]) -> float:
    """Touch an array that arrived pickled
    (the unpickled copy is already in memory)."""
    return buffer[-1]


def last_item_shared(name: str) -> int:
    """Attach to a shared memory block by name and touch it: nothing is copied."""
    # Since 3.13 an attaching process can stay out of the resource tracker,
    # which must only clean up after the process that created the block.
    extra = {"track": False} if sys.version_info >= (3, 13) else {}
    block = shared_memory.SharedMemory(name=name, **extra)
    try:
        return block.buf[-1]
    finally:
        block.close()


def spin(loops: int) -> int:
    """A fixed amount of pure-Python work:
    the contention check's calibration loop."""
    total = 0
    for i in range(loops):
        total += i * i
    return total


def spin_at_meeting(loops: int) -> tuple[float, float]:
    """Once every worker holds one of these tasks, time `spin`:
    (wall, CPU) seconds."""
    _barrier.wait(MEETING_TIMEOUT_S)
    cpu, start = time.process_time(), time.perf_counter()
    spin(loops)
    return time.perf_counter() - start, time.process_time() - cpu
