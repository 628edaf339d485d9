"""See when ProcessPoolExecutor starts its workers, under each start method."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def square(n: int) -> int:
    return n * n


def main() -> None:
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=4, mp_context=context) as executor:
            before = len(multiprocessing.active_children())
            executor.submit(square, 3).result()
            after = len(multiprocessing.active_children())
        print(
            f"{method:>10}: {before} workers before the first task, {after} after it"
        )


if __name__ == "__main__":
    main()
