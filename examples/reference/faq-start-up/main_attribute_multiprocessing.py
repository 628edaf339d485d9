"""Code typed into an interactive session (here: `python -c`) fails under spawn."""

import subprocess
import sys

INTERACTIVE = """\
import multiprocessing

def work():
    print("worker ran")

if __name__ == "__main__":
    process = multiprocessing.get_context("spawn").Process(target=work)
    process.start()
    process.join()
    print("exit code of the child:", process.exitcode)
"""


def main():
    # With `python -c` (as in a REPL or a notebook)
    # __main__ has no file a child could import.
    run = subprocess.run(
        [sys.executable, "-c", INTERACTIVE],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    print(run.stdout.strip())
    print("the child failed with:", run.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
