"""Timing, CPU accounting, the machine's description and the contention check."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import platform
import statistics
import sysconfig
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    import resource
except ImportError:  # Windows
    resource = None

try:
    import psutil
except ImportError:  # cli.main reports it in one line before anything runs
    psutil = None


def _self_and_reaped_children() -> float:
    """CPU seconds of this process (all threads)
    and of every child it has waited for."""
    if resource is None:
        times = os.times()
        return (
            times.user + times.system + times.children_user + times.children_system
        )
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime


def _live_descendants_cpu() -> float:
    """CPU seconds of every live descendant
    (and of the children each has waited for).

    The kernel adds a child's CPU time to its parent's RUSAGE_CHILDREN only when the
    parent waits for it, so a pool's workers are invisible to getrusage until the
    pool is joined, and forkserver workers (children of the fork server) never reach
    this process at all. Summing the process table over the tree counts them while
    they run; when a process is reaped, its time moves to its parent's total, so the
    sum stays correct. Only Linux keeps children's times for every process: on macOS
    a grandchild that ends inside the timed block takes its CPU time with it, and on
    Windows any descendant that does so (os.times() has no children's times).
    """
    total = 0.0
    for process in psutil.Process().children(recursive=True):
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            # It ended while the tree was read;
            # once reaped, its parent counts its time.
            continue
        total += (
            times.user + times.system + times.children_user + times.children_system
        )
    return total


def tree_cpu(own_first: bool) -> float:
    """CPU seconds used so far by this process and every process it started.

    Reading the process table costs this process a little CPU: read its own clock
    after the scan when a timing starts and before the scan when it ends, so the
    scans stay out of the result.
    """
    if own_first:
        own = _self_and_reaped_children()
        return own + _live_descendants_cpu()
    live = _live_descendants_cpu()
    return _self_and_reaped_children() + live


@dataclass
class Settings:
    """What the command line chose; every benchmark reads the part it needs."""

    quick: bool
    repeat: int
    warmup: int
    workers: int
    start_method: str
    tasks: int
    sizes: list[int]
    min_time: (
        float  # seconds: a timed span repeats its body until it lasts this long
    )

    def context(
        self, method: str | None = None
    ) -> multiprocessing.context.BaseContext:
        return multiprocessing.get_context(method or self.start_method)


@dataclass
class Sample:
    """One timed span of a variant: wall-clock and CPU seconds
    (children included) for `calls` runs of its body."""

    wall: float = 0.0
    cpu: float = 0.0
    calls: int = 1
    # What the body returned last time: checked after the clock stops.
    result: object = None


# --8<-- [start:timed]
@contextlib.contextmanager
def timed() -> Iterator[Sample]:
    """Time the body: only what runs inside the `with` block is measured."""
    sample = Sample()
    # CPU seconds of this process and of every process it started, live or ended;
    # the reads are ordered so that scanning the process table stays outside the
    # measured span.
    cpu_start = tree_cpu(own_first=False)
    start = time.perf_counter()
    yield sample
    sample.wall = time.perf_counter() - start
    sample.cpu = tree_cpu(own_first=True) - cpu_start


# --8<-- [end:timed]


def time_repeatedly(body: Callable[[], object], minimum: float) -> Sample:
    """Run `body` again and again inside one timed span until the span lasts
    `minimum` seconds.

    A body of a few milliseconds is at the mercy of one scheduler tick; repeating it
    until the span is long enough keeps every figure off such noise. The result
    counts the calls.
    """
    calls = 0
    with timed() as sample:
        deadline = time.perf_counter() + minimum
        while True:
            result = body()
            calls += 1
            if time.perf_counter() >= deadline:
                break
    sample.calls, sample.result = calls, result
    return sample


@dataclass
class Variant:
    """One way of doing the job. `run` sets up, times the job with `timed()`,
    and cleans up."""

    label: str
    run: Callable[[], Sample]
    items: int = 1  # the value reported is wall time per item (task, call, ...)
    params: dict = field(default_factory=dict)


def settle(timeout: float = 1.0) -> None:
    """Wait until threads that Python has joined have also left the kernel's count.

    A pool's threads are joined when it closes, but the kernel may count them a
    moment longer; forking then makes Python 3.12+ warn that the process is
    multi-threaded.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if psutil.Process().num_threads() <= threading.active_count():
            return
        time.sleep(0.001)


def measure(
    variants: list[Variant],
    repeat: int,
    warmup: int,
    scale: float,
    after_round: Callable[[int], None] = lambda round_number: None,
) -> list[dict]:
    """Run every variant `warmup + repeat` times, interleaved,
    and summarize the timed repeats.

    Interleaving (round 1: A B C, round 2: B C A, ...) spreads drift in the machine's
    speed over all variants alike, so their ratios hold even when the absolute values
    wander; and since every variant's n-th sample comes from round n, a ratio can be
    taken round by round. `after_round` runs between rounds (the contention check
    samples the machine there).
    """
    samples: dict[str, list[Sample]] = {variant.label: [] for variant in variants}
    for round_number in range(warmup + repeat):
        shift = round_number % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            settle()
            sample = variant.run()
            if round_number >= warmup:
                samples[variant.label].append(sample)
        after_round(round_number)
    results = []
    for variant in variants:
        runs = samples[variant.label]
        # Per call of the timed body:
        # a span that repeated its body counts each call once.
        walls = [run.wall / run.calls for run in runs]
        cpus = [run.cpu / run.calls for run in runs]
        per_item = [wall / variant.items * scale for wall in walls]
        results.append(
            {
                "label": variant.label,
                "params": variant.params,
                "items": variant.items,
                "calls": [run.calls for run in runs],
                "span_s": [run.wall for run in runs],
                "value": summary(per_item),
                "wall_s": summary(walls),
                "cpu_s": summary(cpus),
            }
        )
    return results


def summary(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "samples": values,
    }


def usable_cpus() -> int:
    """CPUs this process may run on (affinity), which caps any CPU-bound speed-up."""
    if hasattr(os, "process_cpu_count"):  # 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        # psutil does not name the CPU; Linux's platform.processor() does not either.
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _cgroup_cpu_max() -> str | None:
    """The cgroup v2 CPU quota ("max 100000" means none):
    affinity does not show it."""
    return _read("/sys/fs/cgroup/cpu.max")


def _read(path: str) -> str | None:
    with contextlib.suppress(OSError):
        return Path(path).read_text().strip()
    return None


def _smt() -> bool | None:
    """Whether the CPUs share physical cores
    (simultaneous multithreading, "hyper-threads")."""
    active = _read("/sys/devices/system/cpu/smt/active")  # Linux: "1" or "0"
    if active in ("0", "1"):
        return active == "1"
    physical, logical = psutil.cpu_count(logical=False), psutil.cpu_count()
    if physical and logical:
        return physical < logical
    return None  # the OS does not say


def _frequency() -> dict | None:
    """The CPU clock as the OS reports it, in MHz;
    turbo and power saving make it move."""
    with contextlib.suppress(
        Exception
    ):  # psutil raises different errors per platform
        frequency = psutil.cpu_freq()
        if frequency is not None and frequency.current:
            return {key: round(value) for key, value in frequency._asdict().items()}
    return None


def machine() -> dict:
    """What the numbers depend on, recorded next to them
    (None where the OS does not say)."""
    return {
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "smt": _smt(),
        "cpu_mhz": _frequency(),
        "cpu_governor": _read(
            "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"
        ),
        "usable_cpus": usable_cpus(),
        "cgroup_cpu_max": _cgroup_cpu_max(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "default_start_method": multiprocessing.get_start_method(allow_none=True)
        or multiprocessing.get_context().get_start_method(),
        "available_start_methods": multiprocessing.get_all_start_methods(),
    }
