"""See when multiprocessing.Pool starts its workers, under each start method."""

import multiprocessing


def square(n: int) -> int:
    return n * n


def main() -> None:
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        with context.Pool(processes=4) as pool:
            before = len(multiprocessing.active_children())
            pool.apply(square, (3,))
            after = len(multiprocessing.active_children())
        print(
            f"{method:>10}: {before} workers before the first task, {after} after it"
        )


if __name__ == "__main__":
    main()
