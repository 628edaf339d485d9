"""Run the same calls on threads or processes: swap ThreadPool and Pool."""

from multiprocessing.pool import Pool, ThreadPool

LINES = ["to be or not to be", "that is the question"]


def word_lengths(line: str) -> list[int]:
    return [len(word) for word in line.split()]


def main() -> None:
    # ThreadPool has Pool's methods, run on threads in this process.
    # Processes go first: forking while the thread pool's
    # threads are still winding down warns on Python 3.12+.
    for label, pool_class in (("processes", Pool), ("threads", ThreadPool)):
        with pool_class(processes=2) as pool:
            print(f"{label}:", pool.map(word_lengths, LINES))


if __name__ == "__main__":
    main()
