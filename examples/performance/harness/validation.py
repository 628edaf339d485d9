"""The predictor's validation: whole jobs of known shape,
timed as a reader's script runs them.

None of these jobs is used to fit the predictor (`predict.py` fits on the chunksize
sweep, the payload round trips and the start-up rows). Each task spins for a fixed
time and sends its payload back; each timed span creates the pool, maps the job and
shuts the pool down, since a script pays all three. The first, untimed round of
`measure()` loads what the workers import.
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass

from .measure import Sample, Settings, Variant, time_repeatedly

TITLE = "Predictor validation"
UNIT = "s"
SCALE = 1.0
BASELINE = None
HELP = (
    "jobs of known task time, count and payload, pool start included, "
    "to check predict.py"
)

APIS = ("Pool.map", "ProcessPoolExecutor.map")


# --8<-- [start:task]
def busy_echo(seconds: float, payload: bytes) -> bytes:
    """Keep a core busy for `seconds` (a CPU-bound task, not a sleep),
    then send `payload` back."""
    # The wall clock, so the serial loop of n tasks takes n x seconds. A task that
    # loses its core still ends at its deadline once it runs again: on a shared core,
    # short tasks lose throughput, long ones barely do.
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        pass
    return payload


# --8<-- [end:task]
@dataclass(frozen=True)
class Job:
    """What the predictor is told about a job:
    every field is recorded in the variant's params."""

    shape: str
    api: str
    task_time_s: float
    tasks: int
    payload_bytes: int
    workers: int
    start_method: str
    chunksize: int


def pool_map_default(tasks: int, workers: int) -> int:
    """The chunksize Pool.map picks when given none
    (rounded up, as CPython's pool.py does)."""
    return math.ceil(tasks / (4 * workers))


def jobs(settings: Settings) -> list[Job]:
    """The job shapes, each on both APIs;
    quick sizes keep the test suite's run to seconds."""
    workers, method = settings.workers, settings.start_method
    # (shape, task time, tasks, payload bytes,
    # chunksize for Pool.map, for the executor)
    if settings.quick:
        long, mid, tiny, payload = (8, 20e-3), (100, 1e-3), (2000, 20e-6), (50, 2e-3)
    else:
        long, mid, tiny, payload = (
            (32, 20e-3),
            (500, 1e-3),
            (10_000, 20e-6),
            (200, 2e-3),
        )
    mid_tuned = pool_map_default(mid[0], workers)
    tiny_tuned = pool_map_default(tiny[0], workers)
    shapes = [
        ("long tasks", *long, 0, 1, 1),
        ("mid tasks, one per trip", *mid, 0, 1, 1),
        ("mid tasks, chunked", *mid, 0, mid_tuned, mid_tuned),
        # One by one the executor would take seconds:
        # it gets the chunksize a reader should give.
        ("tiny tasks", *tiny, 0, 1, tiny_tuned),
        ("100 KB each way", *payload, 100_000, 1, 1),
    ]
    found = []
    for shape, tasks, task_time, size, pool_chunksize, executor_chunksize in shapes:
        for api, chunksize in zip(
            APIS, (pool_chunksize, executor_chunksize), strict=True
        ):
            found.append(
                Job(shape, api, task_time, tasks, size, workers, method, chunksize)
            )
    return found


def payloads_for(job: Job) -> list[bytes]:
    """One payload per task, as distinct objects: pickle sends an object repeated
    within one chunk only once, and a reader's tasks each carry their own data."""
    return [bytes(job.payload_bytes) for _ in range(job.tasks)]


# --8<-- [start:job]
def run_job(job: Job, payloads: list[bytes]) -> list[bytes]:
    """What a reader's script does: create the pool, map the job,
    shut the pool down."""
    task = functools.partial(busy_echo, job.task_time_s)
    context = multiprocessing.get_context(job.start_method)
    if job.api == "Pool.map":
        with context.Pool(job.workers) as pool:
            return pool.map(task, payloads, job.chunksize)
    with ProcessPoolExecutor(job.workers, mp_context=context) as executor:
        return list(executor.map(task, payloads, chunksize=job.chunksize))


# --8<-- [end:job]
def variants(settings: Settings) -> list[Variant]:
    def timed_job(job: Job) -> Sample:
        payloads = payloads_for(job)  # made outside the clock
        return time_repeatedly(lambda: run_job(job, payloads), settings.min_time)

    return [
        Variant(
            f"{job.shape}: {job.api}, chunksize={job.chunksize}",
            functools.partial(timed_job, job),
            1,
            asdict(job),
        )
        for job in jobs(settings)
    ]
