"""Share a parent's data with forked ProcessPoolExecutor workers.

gc.freeze() makes the workers copy less of it.
"""

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

# Filled in by main() before the workers are forked;
# each worker sees the parent's copy.
_rows: list[list] = []


def describe(index: int) -> str:
    number, name, price = _rows[index]
    return f"row {number}: {name} costs {price}"


def frozen_objects(_: int) -> int:
    return gc.get_freeze_count()


def main() -> None:
    gc.disable()  # no collection while building: keeps the heap compact
    # 200,000 lists.
    _rows.extend([i, f"item {i}", i % 90 + 10] for i in range(200_000))
    # Move every object into a generation the collector ignores,
    # so the workers' collectors do not write to (and so copy)
    # the memory pages they share with the parent.
    gc.freeze()
    # Only fork shares the parent's memory.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=2, mp_context=context, initializer=gc.enable
    ) as executor:
        print("\n".join(executor.map(describe, [0, 199_999])))
        frozen = executor.submit(frozen_objects, 0).result()
    gc.unfreeze()
    gc.enable()
    print("the worker inherited the frozen rows:", frozen >= len(_rows))


if __name__ == "__main__":
    main()
