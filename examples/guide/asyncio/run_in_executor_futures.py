"""Await pool work from asyncio: run_in_executor, wrap_future, to_thread."""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

LIMITS = [20_000, 30_000, 40_000]


def count_primes(limit: int) -> int:
    """CPU-bound: it would stall the event loop if it ran in the loop's thread."""
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


def read_sensor(name: str) -> str:
    """Blocking I/O: a library call with no async version."""
    time.sleep(0.1)
    return f"{name}=ok"


async def main_async() -> None:
    loop = asyncio.get_running_loop()
    # --8<-- [start:run]
    with ProcessPoolExecutor(max_workers=2) as pool:
        # run_in_executor submits to the pool and
        # returns an awaitable asyncio future.
        counts = await asyncio.gather(
            *(loop.run_in_executor(pool, count_primes, n) for n in LIMITS)
        )
        # A concurrent.futures.Future from submit()
        # becomes awaitable with wrap_future.
        largest = await asyncio.wrap_future(pool.submit(count_primes, 50_000))
    # None selects the loop's default ThreadPoolExecutor;
    # to_thread (3.9+) uses it too.
    first = await loop.run_in_executor(None, read_sensor, "a")
    second = await asyncio.to_thread(read_sensor, "b")
    # --8<-- [end:run]
    print("prime counts:", counts, largest)
    print("sensors:", first, second)


def main() -> None:
    asyncio.run(main_async())


if __name__ == "__main__":
    main()
