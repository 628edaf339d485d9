"""Share a dict between ProcessPoolExecutor workers through a Manager proxy."""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Manager


def record_length(word: str, lengths: dict) -> None:
    lengths[word] = len(word)  # each call is a round trip to the manager process


def main() -> None:
    words = ["fork", "spawn", "forkserver"]
    with Manager() as manager:  # starts a server process that owns the real dict
        lengths = manager.dict()
        with ProcessPoolExecutor(max_workers=2) as executor:
            # A proxy pickles as a reference to the
            # server's object, so it can be an argument.
            for future in [
                executor.submit(record_length, word, lengths) for word in words
            ]:
                future.result()
        print(dict(sorted(lengths.items())))


if __name__ == "__main__":
    main()
