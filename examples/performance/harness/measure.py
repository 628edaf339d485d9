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
    """CPU seconds of this process (all threads) and of every child it has waited for."""
    if resource is None:
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime


def _live_descendants_cpu() -> float:
    """CPU seconds of every live descendant (and of the children each has waited for).

    The kernel adds a child's CPU time to its parent's RUSAGE_CHILDREN only when the parent waits
    for it, so a pool's workers are invisible to getrusage until the pool is joined, and
    forkserver workers (children of the fork server) never reach this process at all. Summing
    the process table over the tree counts them while they run; when a process is reaped, its
    time moves to its parent's total, so the sum stays correct. Only Linux keeps children's times
    for every process: on macOS a grandchild that ends inside the timed block takes its CPU time
    with it, and on Windows any descendant that does so (os.times() has no children's times).
    """
    total = 0.0
    for process in psutil.Process().children(recursive=True):
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue  # it ended while the tree was read; once reaped, its parent counts its time
        total += times.user + times.system + times.children_user + times.children_system
    return total


def tree_cpu(own_first: bool) -> float:
    """CPU seconds used so far by this process and every process it started.

    Reading the process table costs this process a little CPU: read its own clock after the scan
    when a timing starts and before the scan when it ends, so the scans stay out of the result.
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

    def context(self, method: str | None = None) -> multiprocessing.context.BaseContext:
        return multiprocessing.get_context(method or self.start_method)


@dataclass
class Sample:
    """One timed run of a variant: wall-clock and CPU seconds (children included)."""

    wall: float = 0.0
    cpu: float = 0.0


# --8<-- [start:timed]
@contextlib.contextmanager
def timed() -> Iterator[Sample]:
    """Time the body: only what runs inside the `with` block is measured."""
    sample = Sample()
    # CPU seconds of this process and of every process it started, live or ended; the reads
    # are ordered so that scanning the process table stays outside the measured span.
    cpu_start = tree_cpu(own_first=False)
    start = time.perf_counter()
    yield sample
    sample.wall = time.perf_counter() - start
    sample.cpu = tree_cpu(own_first=True) - cpu_start


# --8<-- [end:timed]


@dataclass
class Variant:
    """One way of doing the job. `run` sets up, times the job with `timed()`, and cleans up."""

    label: str
    run: Callable[[], Sample]
    items: int = 1  # the value reported is wall time per item (task, call, ...)
    params: dict = field(default_factory=dict)


def settle(timeout: float = 1.0) -> None:
    """Wait until threads that Python has joined have also left the kernel's count.

    A pool's threads are joined when it closes, but the kernel may count them a moment longer;
    forking then makes Python 3.12+ warn that the process is multi-threaded.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if psutil.Process().num_threads() <= threading.active_count():
            return
        time.sleep(0.001)


def measure(variants: list[Variant], repeat: int, warmup: int, scale: float) -> list[dict]:
    """Run every variant `warmup + repeat` times, interleaved, and summarize the timed repeats.

    Interleaving (round 1: A B C, round 2: B C A, ...) spreads drift in the machine's speed over
    all variants alike, so their ratios hold even when the absolute values wander.
    """
    samples: dict[str, list[Sample]] = {variant.label: [] for variant in variants}
    for round_number in range(warmup + repeat):
        shift = round_number % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            settle()
            sample = variant.run()
            if round_number >= warmup:
                samples[variant.label].append(sample)
    results = []
    for variant in variants:
        runs = samples[variant.label]
        walls = [run.wall for run in runs]
        cpus = [run.cpu for run in runs]
        per_item = [wall / variant.items * scale for wall in walls]
        results.append(
            {
                "label": variant.label,
                "params": variant.params,
                "items": variant.items,
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
    """The cgroup v2 CPU quota ("max 100000" means none): affinity does not show it."""
    with contextlib.suppress(OSError):
        return Path("/sys/fs/cgroup/cpu.max").read_text().strip()
    return None


def machine() -> dict:
    """What the numbers depend on, recorded next to them."""
    return {
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
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


def load_average() -> list[float] | None:
    with contextlib.suppress(OSError, AttributeError):
        return [round(value, 2) for value in os.getloadavg()]
    return None


def steal_seconds() -> float | None:
    """Time the hypervisor gave this VM's CPUs to someone else, summed over CPUs (Linux only)."""
    return getattr(psutil.cpu_times(), "steal", None)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def calibrate(loops: int = 2_000_000, tries: int = 3) -> dict:
    """Time a fixed single-core loop; on an idle machine its CPU time equals its wall time."""
    best = None
    for _ in range(tries):
        cpu, start = time.process_time(), time.perf_counter()
        _spin(loops)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        if best is None or wall < best["wall_s"]:
            best = {"wall_s": wall, "cpu_s": cpu}
    best["cpu_share"] = best["cpu_s"] / best["wall_s"]
    return best


def contention(
    before: dict, after: dict, load: list[float] | None, steal: float | None, elapsed: float
) -> list[str]:
    """Reasons to distrust a run; an empty list means none were found."""
    reasons = []
    for when, run in (("before", before), ("after", after)):
        if run["cpu_share"] < 0.9:
            reasons.append(
                f"the calibration loop {when} the run got {run['cpu_share']:.0%} of a core"
            )
    drift = after["wall_s"] / before["wall_s"]
    if not 0.8 <= drift <= 1.25:
        reasons.append(f"the calibration loop took {drift:.2f}x as long after the run as before")
    if load is not None and load[0] > 0.5 * usable_cpus():
        reasons.append(f"load average {load[0]:.2f} before the run on {usable_cpus()} usable CPUs")
    if steal is not None and steal > 0.05 * elapsed:
        reasons.append(f"the hypervisor took {steal:.1f} CPU-seconds (steal) during the run")
    return reasons
