"""Look up a dotted standard-library name on the running interpreter."""

from __future__ import annotations

import importlib


def lookup(name: str) -> object | None:
    """The object a dotted name refers to, or None if it does not exist on this Python."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            if not hasattr(obj, attribute):
                return None
            obj = getattr(obj, attribute)
        return obj
    return None
