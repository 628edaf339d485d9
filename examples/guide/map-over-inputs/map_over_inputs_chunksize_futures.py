"""See chunks travel and fail as one unit in ProcessPoolExecutor.map."""

from concurrent.futures import ProcessPoolExecutor


def check(n: int) -> int:
    if n == 6:
        raise ValueError(f"bad input: {n}")
    return n


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        for chunksize in (1, 4):
            print(f"chunksize={chunksize}: received", end="")
            try:
                # With chunksize=4 the workers get inputs 0-3,
                # 4-7 and 8-11 in three messages and run each chunk
                # as one task: input 6 fails the whole chunk 4-7.
                for result in executor.map(check, range(12), chunksize=chunksize):
                    print(f" {result}", end="")
            except ValueError as error:
                print(f", then {error!r}")


if __name__ == "__main__":
    main()
