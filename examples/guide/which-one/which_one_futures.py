"""Run the same calls on threads or processes: swap the executor class."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LINES = ["to be or not to be", "that is the question"]


def word_lengths(line: str) -> list[int]:
    return [len(word) for word in line.split()]


def main() -> None:
    # Both classes take the same arguments and
    # return the same Futures: only the name changes.
    for label, executor_class in (
        ("processes", ProcessPoolExecutor),
        ("threads", ThreadPoolExecutor),
    ):
        with executor_class(max_workers=2) as executor:
            print(f"{label}:", list(executor.map(word_lengths, LINES)))


if __name__ == "__main__":
    main()
