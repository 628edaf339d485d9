"""Code typed into an interactive session (here: `python -c`) fails under spawn."""

import subprocess
import sys

INTERACTIVE = """\
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

def work():
    return "worker ran"

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        try:
            executor.submit(work).result(timeout=20)
        except Exception as exc:
            print("the parent got:", type(exc).__name__)
"""


def main():
    # With `python -c` (as in a REPL or a notebook)
    # __main__ has no file a worker could import.
    run = subprocess.run(
        [sys.executable, "-c", INTERACTIVE],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    print(run.stdout.strip())
    attribute_errors = [
        line for line in run.stderr.splitlines() if "AttributeError" in line
    ]
    print("the worker failed with:", attribute_errors[-1])


if __name__ == "__main__":
    main()
