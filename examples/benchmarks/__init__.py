"""A benchmark harness for concurrent.futures and multiprocessing: `python -m examples.benchmarks`.

Standard library only (the charts need matplotlib). Copy the folder, run it, and compare your
machine's JSON and tables with the site's.
"""
