"""A Process started without the __main__ guard fails under spawn and forkserver."""

import subprocess
import sys
import tempfile
from pathlib import Path

UNGUARDED = """\
import multiprocessing

def work():
    print("worker ran")

# No `__main__` guard: a spawned child re-runs this line while importing.
process = multiprocessing.get_context("spawn").Process(target=work)
process.start()
process.join()
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
    print("the child failed with:", first_sentence(run.stderr))


if __name__ == "__main__":
    main()
