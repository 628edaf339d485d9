"""A benchmark harness for concurrent.futures and multiprocessing.

Run it from the folder that holds `examples/`:
`python -m examples.performance.harness --help`. Besides the standard library it
needs psutil, which reads the process table on Linux, macOS and Windows
(`pip install psutil`); the charts also need matplotlib. Copy the folder, run it, and
compare your machine's JSON and tables with the site's.
"""
