"""The nearest multiprocessing counterpart of InterpreterPoolExecutor: a Pool."""

from multiprocessing import get_context

# sum() over a range runs in C but holds the GIL throughout: CPU-bound work.
LIMITS = [2_000_000, 4_000_000, 6_000_000, 8_000_000]


def main() -> None:
    # --8<-- [start:run]
    # Each task is pickled to a separate worker process;
    # multiprocessing has no interpreter pool.
    with get_context().Pool(processes=2) as pool:
        totals = pool.map(sum, map(range, LIMITS))
    # --8<-- [end:run]
    for limit, total in zip(LIMITS, totals, strict=True):
        print(f"sum(range({limit})) = {total}")


if __name__ == "__main__":
    main()
