"""Run the same calls on threads or on processes by swapping multiprocessing ThreadPool and Pool."""

from multiprocessing.pool import Pool, ThreadPool

LINES = ["to be or not to be", "that is the question"]


def word_lengths(line: str) -> list[int]:
    return [len(word) for word in line.split()]


def main() -> None:
    # ThreadPool has Pool's methods, run on threads in this process.
    for label, pool_class in (("threads", ThreadPool), ("processes", Pool)):
        with pool_class(processes=2) as pool:
            print(f"{label}:", pool.map(word_lengths, LINES))


if __name__ == "__main__":
    main()
