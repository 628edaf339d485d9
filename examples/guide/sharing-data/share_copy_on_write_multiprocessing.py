"""Share a parent's data with forked multiprocessing.Pool workers.

gc.freeze() makes the workers copy less of it.
"""

import gc
import multiprocessing

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
    with context.Pool(processes=2, initializer=gc.enable) as pool:
        print("\n".join(pool.map(describe, [0, 199_999])))
        frozen = pool.apply(frozen_objects, (0,))
    gc.unfreeze()
    gc.enable()
    print("the worker inherited the frozen rows:", frozen >= len(_rows))


if __name__ == "__main__":
    main()
