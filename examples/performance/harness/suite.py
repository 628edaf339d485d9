"""The suite: every benchmark by the name the command line takes,
in the order they run."""

from __future__ import annotations

from . import (
    chunksize,
    engines,
    overhead,
    payload,
    samejob,
    scaling,
    sharedmem,
    startup,
    validation,
)

BENCHMARKS = {
    "overhead": overhead,
    "chunksize": chunksize,
    "payload": payload,
    "sharedmem": sharedmem,
    "startup": startup,
    "scaling": scaling,
    "samejob": samejob,
    "validation": validation,
    "engines": engines,
}
