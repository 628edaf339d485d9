"""ProcessPoolExecutor without the __main__ guard fails under spawn."""

import subprocess
import sys
import tempfile
from pathlib import Path

UNGUARDED = """\
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

# No `__main__` guard: a spawned worker re-runs these lines while importing.
context = multiprocessing.get_context("spawn")
with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
    print(executor.submit(abs, -1).result(timeout=20))
"""


def first_sentence(stderr):
    text = " ".join(stderr.split())  # the message is wrapped over several lines
    start = text.rindex("RuntimeError:")
    return text[start : text.index("phase.", start) + len("phase.")]


def main():
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "unguarded.py"
        script.write_text(UNGUARDED)
        run = subprocess.run(
            [sys.executable, str(script)],
            check=False,
            capture_output=True,
            text=True,
            timeout=30,
        )
    print("the worker failed with:", first_sentence(run.stderr))
    print(
        "the parent failed with:", run.stderr.strip().splitlines()[-1].split(":")[0]
    )


if __name__ == "__main__":
    main()
