"""A pool inside a ProcessPoolExecutor task works: its workers are not daemonic."""

from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def inner_job(n):
    # This runs in a worker process and starts a pool of its own.
    with ProcessPoolExecutor(max_workers=2) as inner:
        return sum(inner.map(square, range(n)))


def main():
    with ProcessPoolExecutor(max_workers=1) as outer:
        print(
            "sum of squares below 4:", outer.submit(inner_job, 4).result(timeout=20)
        )


if __name__ == "__main__":
    main()
