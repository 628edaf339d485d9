"""Payload size: the cost of sending bytes to a worker and back, from 1 KB up."""

from __future__ import annotations

import pickle

from .measure import Sample, Settings, Variant, time_repeatedly
from .pools import warm_executor, warm_pool
from .tasks import echo

TITLE = "Payload round trip"
UNIT = "ms per round trip"
SCALE = 1e3
BASELINE = None
HELP = (
    "payloads of each of --sizes sent to one worker and back "
    "(Pool.apply, executor.submit)"
)
BYTES_PER_SAMPLE = (
    20_000_000  # small payloads make many calls per sample, large ones few
)


def calls_for(size: int) -> int:
    return max(1, min(200, BYTES_PER_SAMPLE // size))


def variants(settings: Settings) -> list[Variant]:
    context, minimum = settings.context(), settings.min_time

    def pool_apply(payload: bytes, calls: int) -> Sample:
        def body() -> None:
            for _ in range(calls):
                pool.apply(echo, (payload,))

        with warm_pool(context, 1) as pool:
            return time_repeatedly(body, minimum)

    def executor_submit(payload: bytes, calls: int) -> Sample:
        def body() -> None:
            for _ in range(calls):
                executor.submit(echo, payload).result()

        with warm_executor(context, 1) as executor:
            return time_repeatedly(body, minimum)

    def pickle_in_process(payload: bytes, calls: int) -> Sample:
        def body() -> None:
            # The floor: both directions pickle and unpickle the payload,
            # here without a pipe.
            for _ in range(calls):
                pickle.loads(
                    pickle.dumps(pickle.loads(pickle.dumps(payload, -1)), -1)
                )

        return time_repeatedly(body, minimum)

    found = []
    for size in settings.sizes:
        calls = calls_for(size)
        for label, run in (
            ("Pool.apply", pool_apply),
            ("ProcessPoolExecutor.submit", executor_submit),
            ("pickle both ways, no process", pickle_in_process),
        ):
            found.append(
                Variant(
                    f"{label}, {human_bytes(size)}",
                    # The payload is made per run, outside the clock,
                    # so that listing the variants costs no memory.
                    lambda run=run, size=size, calls=calls: run(bytes(size), calls),
                    calls,
                    {"api": label, "bytes": size},
                )
            )
    return found


def human_bytes(size: int) -> str:
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} B"
