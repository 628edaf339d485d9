"""What a task costs on the cluster engines,
in the same run as Pool and the executor.

Each installed engine (loky, Dask, Ray) gets trivial tasks sent one by one and
collected, and payload round trips of a few sizes, beside `ProcessPoolExecutor` doing
the same. The engines' clusters are local, on 127.0.0.1, with the run's worker count;
each starts at its first timed variant (outside the clock) and stops when the
benchmark ends (`close()`). An engine that is not installed is skipped, and the
harness says so. MPI is not measured here: mpi4py.futures needs the `mpiexec`
launcher to start the whole harness.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import secrets
import tempfile
import warnings
from collections.abc import Callable
from typing import Any

from .measure import Sample, Settings, Variant, time_repeatedly
from .payload import human_bytes
from .pools import warm_executor
from .tasks import echo, noop

TITLE = "Cluster engines: per-task cost and payload"
UNIT = "µs per task or round trip"
SCALE = 1e6
BASELINE = "ProcessPoolExecutor: trivial tasks, one by one"
HELP = (
    "trivial tasks and payload round trips on loky, Dask and Ray (those installed)"
)
ENGINES = ("loky", "dask", "ray")
FULL_SIZES, QUICK_SIZES = [10**3, 10**6, 10**7], [10**3, 10**5]

_clusters = (
    contextlib.ExitStack()
)  # the engines started by this benchmark, stopped by close()


def installed() -> list[str]:
    return [name for name in ENGINES if importlib.util.find_spec(name) is not None]


def missing() -> list[str]:
    return [name for name in ENGINES if name not in installed()]


def one_by_one(executor: Any) -> Callable[[Callable, list], list]:
    """`many` for an executor: submit every call,
    then wait for each result in order."""

    def many(fn: Callable, items: list) -> list:
        return [
            future.result() for future in [executor.submit(fn, x) for x in items]
        ]

    return many


class Engine:
    """One engine's way to run `fn(x)` for many x, and one call,
    started on first use."""

    def __init__(self, name: str, settings: Settings) -> None:
        self.name, self.settings, self._started = name, settings, False

    def start(self) -> None:
        if not self._started:
            getattr(self, f"_start_{self.name}")()
            self._started = True

    # Each engine: `many(fn, items)` runs the calls
    # and returns their results in order.
    def _start_stdlib(self) -> None:
        self.executor = _clusters.enter_context(
            warm_executor(self.settings.context(), self.settings.workers)
        )
        self.many = lambda fn, items: [
            f.result() for f in [self.executor.submit(fn, x) for x in items]
        ]

    def _start_loky(self) -> None:
        from loky import get_reusable_executor

        executor = get_reusable_executor(self.settings.workers)
        _clusters.callback(executor.shutdown, kill_workers=True)
        list(executor.map(noop, range(4 * self.settings.workers)))  # workers up
        self.many = lambda fn, items: [
            f.result() for f in [executor.submit(fn, x) for x in items]
        ]

    def _start_dask(self) -> None:
        from dask.distributed import Client, LocalCluster

        scratch = _clusters.enter_context(tempfile.TemporaryDirectory())
        cluster = _clusters.enter_context(
            LocalCluster(
                n_workers=self.settings.workers,
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
                local_directory=scratch,
                # A heartbeat at close logs an ERROR (#7192).
                silence_logs=logging.CRITICAL,
            )
        )
        client = _clusters.enter_context(Client(cluster))
        client.wait_for_workers(self.settings.workers)

        def many(fn: Callable, items: list) -> list:
            with warnings.catch_warnings():
                # A payload of megabytes in the arguments is what this measures;
                # Dask warns about it ("Sending large graph"), suggesting scatter().
                warnings.filterwarnings("ignore", "Sending large graph", UserWarning)
                # pure=False: identical arguments must still run as separate tasks.
                return client.gather(client.map(fn, items, pure=False))

        self.many = many

    def _start_ray(self) -> None:
        # Loopback only, no usage report, a token for this run:
        # set before Ray is imported.
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
        os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
        os.environ["RAY_AUTH_MODE"] = "token"
        os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(16)
        import ray

        scratch = _clusters.enter_context(tempfile.TemporaryDirectory())
        ray.init(
            address="local",
            num_cpus=self.settings.workers,
            include_dashboard=False,
            logging_level="warning",
            log_to_driver=False,
            _temp_dir=scratch,
        )
        _clusters.callback(ray.shutdown)
        remote: dict[Callable, Any] = {}

        def many(fn: Callable, items: list) -> list:
            task = remote.setdefault(fn, ray.remote(fn))
            return ray.get([task.remote(x) for x in items])

        self.many = many
        many(noop, range(4 * self.settings.workers))  # workers up

    def label(self) -> str:
        return "ProcessPoolExecutor" if self.name == "stdlib" else self.name


def variants(settings: Settings) -> list[Variant]:
    tasks = (
        settings.tasks // 4
    )  # the engines cost tens of times more per task than Pool
    sizes = QUICK_SIZES if settings.quick else FULL_SIZES
    found = []
    for name in ["stdlib", *installed()]:
        engine = Engine(name, settings)

        def trivial(engine: Engine = engine) -> Sample:
            engine.start()
            return time_repeatedly(
                lambda: engine.many(noop, range(tasks)), settings.min_time
            )

        def round_trip(size: int, engine: Engine = engine) -> Sample:
            engine.start()
            payload = bytes(size)
            return time_repeatedly(
                lambda: engine.many(echo, [payload]), settings.min_time
            )

        found.append(
            Variant(
                f"{engine.label()}: trivial tasks, one by one",
                trivial,
                tasks,
                {"engine": engine.label(), "what": "trivial"},
            )
        )
        for size in sizes:
            found.append(
                Variant(
                    f"{engine.label()}: round trip, {human_bytes(size)}",
                    lambda size=size, round_trip=round_trip: round_trip(size),
                    1,
                    {"engine": engine.label(), "what": "round trip", "bytes": size},
                )
            )
    return found


def close() -> None:
    """Stop every engine this benchmark started."""
    _clusters.close()
