"""Make FVM_START_METHOD the platform's default multiprocessing start method, for tests.

The tests put this folder on PYTHONPATH, so every interpreter they start (and its children) runs it.
It swaps the default rather than calling set_start_method(), so a script may still pick its own
method the way a reader's script would.
"""

import os

_method = os.environ.get("FVM_START_METHOD")
if _method:
    import multiprocessing.context

    _default = multiprocessing.context._default_context
    if hasattr(_default, "_default_context"):
        _default._default_context = _default.get_context(_method)
    else:  # a future CPython without this private attribute: fall back to the public API
        multiprocessing.set_start_method(_method, force=True)
