"""The resource tracker warns of semaphores a process made and never released."""

import subprocess
import sys

LEAKY = """\
import multiprocessing
import os

if __name__ == "__main__":
    lock = multiprocessing.get_context("spawn").Lock()  # a named semaphore, tracked
    # Exit without the clean-up that would release it, like a killed program.
    os._exit(0)
"""


def main():
    # The warning comes from the resource tracker process,
    # on the stderr it shares with the program.
    run = subprocess.run(
        [sys.executable, "-c", LEAKY],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    warning = next(line for line in run.stderr.splitlines() if "UserWarning" in line)
    # Python 3.13 appends the semaphore's random name after a colon.
    print(warning[warning.index("UserWarning") :].split(": {")[0])


if __name__ == "__main__":
    main()
