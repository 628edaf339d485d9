"""Await multiprocessing.Pool results from asyncio.

AsyncResult.get runs in a thread, or a callback hands the result to the loop.
"""

import asyncio
import time
from multiprocessing import get_context

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
    with get_context().Pool(processes=2) as pool:
        # An AsyncResult is not awaitable: block on its get()
        # in the loop's default thread pool.
        pending = [pool.apply_async(count_primes, (n,)) for n in LIMITS]
        counts = await asyncio.gather(
            *(loop.run_in_executor(None, r.get) for r in pending)
        )
        # Or settle an asyncio future from the pool's
        # callbacks, which run in a pool thread.
        future = loop.create_future()
        pool.apply_async(
            count_primes,
            (50_000,),
            callback=lambda value: loop.call_soon_threadsafe(
                future.set_result, value
            ),
            error_callback=lambda exc: loop.call_soon_threadsafe(
                future.set_exception, exc
            ),
        )
        largest = await future
    first = await loop.run_in_executor(None, read_sensor, "a")
    second = await asyncio.to_thread(read_sensor, "b")
    # --8<-- [end:run]
    print("prime counts:", counts, largest)
    print("sensors:", first, second)


def main() -> None:
    asyncio.run(main_async())


if __name__ == "__main__":
    main()
