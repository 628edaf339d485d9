"""Share a dict between multiprocessing.Pool workers through a Manager proxy."""

from multiprocessing import Manager, Pool


def record_length(word: str, lengths: dict) -> None:
    lengths[word] = len(word)  # each call is a round trip to the manager process


def main() -> None:
    words = ["fork", "spawn", "forkserver"]
    with Manager() as manager:  # starts a server process that owns the real dict
        lengths = manager.dict()
        with Pool(processes=2) as pool:
            # A proxy pickles as a reference to the
            # server's object, so it can be an argument.
            pool.starmap(record_length, [(word, lengths) for word in words])
        print(dict(sorted(lengths.items())))


if __name__ == "__main__":
    main()
