"""Run the benchmarks: `python -m examples.performance.harness --help` lists them."""

from .cli import main

if __name__ == "__main__":
    main()
