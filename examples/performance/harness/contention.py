"""The contention check: did anything else compete
for the CPUs while the harness ran?

Two independent signals, taken before the run, between the rounds of every benchmark
and after: a calibration loop run at once on as many processes as the run uses
workers (each should get a whole core, and take as long every time), and the
machine's CPU time (every process's, from the OS) minus the harness's own, which is
what other programs used. The load average is recorded but decides nothing: it counts
the harness's own workers and trails by minutes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import statistics
import time
from dataclasses import dataclass, field

from .measure import psutil, tree_cpu
from .pools import warm_pool
from .tasks import spin_at_meeting

# About 200 ms of pure Python on a recent core. On a shared virtual machine the speed
# of a core can wander by half from one 50 ms stretch to the next while the core is
# all ours (measured on the machine behind the site's data); a longer loop averages
# that out, so that what is flagged is a lasting change.
CALIBRATION_LOOPS = 5_000_000
LOWEST_CPU_SHARE = 0.9  # of a core, for each calibration process
LARGEST_DRIFT = 1.25  # the median calibration against the fastest
LARGEST_OTHERS_SHARE = 0.10  # of the machine's CPU time, used by other processes
LARGEST_STEAL_SHARE = 0.05  # of the run's wall time, taken by the hypervisor


def load_average() -> list[float] | None:
    with contextlib.suppress(OSError, AttributeError):
        return [round(value, 2) for value in os.getloadavg()]
    return None


def _busy_and_steal() -> tuple[float, float | None]:
    """CPU-seconds every process on the machine has used, and the hypervisor's steal,
    so far."""
    times = psutil.cpu_times()
    idle = times.idle + getattr(times, "iowait", 0.0)
    steal = getattr(times, "steal", None)
    # guest time is already counted in user time on Linux;
    # steal is nobody's on this machine.
    busy = sum(times) - idle - (steal or 0.0) - getattr(times, "guest", 0.0)
    busy -= getattr(times, "guest_nice", 0.0)
    return busy, steal


@dataclass
class Monitor:
    """Samples the machine during a run;
    `verdict()` gives the reasons to distrust it.

    The calibration pool uses spawn whatever the run's start method: between rounds,
    a benchmark may hold threads (a Dask client's), and forking a process with
    threads is unsafe.
    """

    cores: int
    loops: int = CALIBRATION_LOOPS
    checks: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._started = time.perf_counter()
        self._busy, self._steal = _busy_and_steal()
        self._own = tree_cpu(own_first=True)

    def check(self, when: str) -> None:
        """Run the calibration loop on `cores` processes at once
        and record how it went."""
        with warm_pool(multiprocessing.get_context("spawn"), self.cores) as pool:
            runs = pool.map(spin_at_meeting, [self.loops] * self.cores, chunksize=1)
        self.checks.append(
            {
                "when": when,
                "load": load_average(),
                "loop_wall_s": max(wall for wall, _ in runs),  # the slowest core
                "cpu_share": min(
                    cpu / wall for wall, cpu in runs
                ),  # the least served core
            }
        )

    def verdict(self) -> dict:
        """What the run's conditions were and, under "reasons",
        why not to trust it (if so)."""
        elapsed = time.perf_counter() - self._started
        own = tree_cpu(own_first=False) - self._own
        busy, steal = _busy_and_steal()
        others = max(0.0, busy - self._busy - own)
        capacity = elapsed * (psutil.cpu_count() or 1)
        steal_s = None if steal is None else steal - self._steal
        reasons = []
        starved = [
            check for check in self.checks if check["cpu_share"] < LOWEST_CPU_SHARE
        ]
        if starved:
            worst = min(starved, key=lambda check: check["cpu_share"])
            reasons.append(
                "the calibration loop got less than "
                f"{LOWEST_CPU_SHARE:.0%} of a core in "
                f"{len(starved)} of {len(self.checks)} checks, "
                f"{worst['cpu_share']:.0%} at worst ({worst['when']})"
            )
        if self.checks:
            # A lasting change, not one slow check: the loop's typical time against
            # its best (on a shared virtual machine, single checks swing by half).
            times = [check["loop_wall_s"] for check in self.checks]
            drift = statistics.median(times) / min(times)
            if drift > LARGEST_DRIFT:
                reasons.append(
                    f"the calibration loop's median time was {drift:.2f}x its "
                    "fastest: the machine ran slower for much of the run"
                )
        if others > LARGEST_OTHERS_SHARE * capacity:
            reasons.append(
                f"other processes used {others:.1f} CPU-seconds, "
                f"{others / capacity:.0%} of the machine's CPU time during the run"
            )
        if steal_s is not None and steal_s > LARGEST_STEAL_SHARE * elapsed:
            reasons.append(
                f"the hypervisor took {steal_s:.1f} CPU-seconds (steal) "
                "during the run"
            )
        return {
            "elapsed_s": elapsed,
            "own_cpu_s": own,
            "others_cpu_s": others,
            "others_share": others / capacity,
            "steal_s": steal_s,
            "checks": self.checks,
            "contended": bool(reasons),
            "reasons": reasons,
        }
