"""What the caller of mpiexec.gforker sees when an MPI worker rank dies mid-task."""

# /// script
# requires-python = ">=3.10"
# dependencies = ["mpi4py", "mpich"]
# [tool.fvm]
# platforms = ["linux"]  # reads /proc/self/maps and cleans /dev/shm
# start-methods = []  # runs MPI jobs of its own: run once
# network = true  # the ranks' sockets must stay on 127.0.0.1
# ///

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future
from pathlib import Path

# Rank 0 runs job(), ranks 1 and 2 become mpi4py.futures workers.
RANKS = 3
# Seconds: the launcher ends such a job within seconds, but a hang must end too.
JOB_TIMEOUT = 60
DEATHS = ("SIGKILL", "os._exit(3)")


def die_mid_task(how: str) -> None:
    """Work a moment, then end this worker rank without MPI_Finalize."""
    time.sleep(0.5)
    if how == "SIGKILL":
        # As the out-of-memory killer ends a process.
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(3)  # as a C library that calls exit(3) does


def slow_square(x: int) -> int:
    time.sleep(5)  # still running on the other worker when the first one dies
    return x * x


def outcome(future: Future) -> str:
    try:
        return f"returned {future.result(timeout=JOB_TIMEOUT)}"
    except BaseException as error:  # noqa: BLE001 (the launcher's SIGINT too)
        return f"raised {type(error).__name__}"


def shared_memory_files() -> list[str]:
    """MPICH's files in /dev/shm that this process has mapped (its shared memory)."""
    maps = Path("/proc/self/maps").read_text().splitlines()
    return sorted({line.split()[-1] for line in maps if " /dev/shm/mpich_" in line})


def remove_shared_memory(bookkeeping: Path) -> int:
    """Remove the files rank 0 had mapped that its job left behind; how many."""
    mapped = bookkeeping.read_text().split() if bookkeeping.exists() else []
    left = [path for path in map(Path, mapped) if path.exists()]
    for path in left:
        path.unlink()
    return len(left)


# --8<-- [start:job]
def job(how: str, bookkeeping: Path) -> None:
    """Rank 0: a task ends its worker rank while the other worker is busy."""
    # Imported here: importing mpi4py starts MPI, which only the ranks may do.
    from mpi4py.futures import MPIPoolExecutor

    with MPIPoolExecutor() as executor:
        executor.bootup()  # both workers have joined the job
        # The file MPICH keeps its shared memory in: a killed job leaves it.
        bookkeeping.write_text("\n".join(shared_memory_files()))
        bystander = executor.submit(slow_square, 7)
        doomed = executor.submit(die_mid_task, how)
        # Flushed at once: the launcher may kill this rank before Python would.
        print("die_mid_task():", outcome(doomed), flush=True)
        print("slow_square(7):", outcome(bystander), flush=True)
    print("the executor shut down", flush=True)


# --8<-- [end:job]


# --8<-- [start:launch]
def launch(how: str, launcher: str, folder: Path) -> None:
    """Run job() under the launcher, and print what its caller gets."""
    bookkeeping = folder / f"{how}.shm"
    command = [launcher, "-n", str(RANKS), sys.executable, "-m", "mpi4py.futures"]
    command += [__file__, how, str(bookkeeping)]
    print(f"{RANKS} ranks; die_mid_task() ends its worker by {how}:")
    with subprocess.Popen(
        command,
        # The ranks' transport stays on loopback.
        env={**os.environ, "UCX_NET_DEVICES": "lo"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # The launcher and its ranks: a process group of their own.
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=JOB_TIMEOUT)
        except subprocess.TimeoutExpired:
            stdout = stderr = None
        # No rank outlives the job, whether it ended or hung.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    removed = remove_shared_memory(bookkeeping)
    if stdout is None or stderr is None:
        sys.exit(f"the job did not end within {JOB_TIMEOUT} s and was killed")
    for title, text in (
        ("rank 0 printed", stdout),
        ("the launcher's stderr", stderr),
    ):
        print(f"  {title}:")
        for line in text.splitlines():
            print(f"    {line}")
    print(f"  exit status of mpiexec.gforker: {process.returncode}")
    print(f"  MPICH files it left in /dev/shm: {removed} (removed)")


# --8<-- [end:launch]


def main() -> None:
    if len(sys.argv) == 3:  # started by launch(): this is rank 0
        job(sys.argv[1], Path(sys.argv[2]))
        return
    launcher = shutil.which("mpiexec.gforker")
    if launcher is None:
        sys.exit(
            "mpiexec.gforker is not on PATH: pip install mpich, activate its venv"
        )
    with tempfile.TemporaryDirectory() as folder:
        for how in DEATHS:
            launch(how, launcher, Path(folder))


if __name__ == "__main__":
    main()
