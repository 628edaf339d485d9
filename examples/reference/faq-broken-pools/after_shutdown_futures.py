"""Submitting to an executor after shutdown or its with block raises RuntimeError."""

from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def main():
    with ProcessPoolExecutor(max_workers=2) as executor:
        print("inside the block:", executor.submit(square, 3).result())
    try:
        executor.submit(square, 4)  # the with block has already shut it down
    except RuntimeError as exc:
        print(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
