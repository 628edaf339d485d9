"""An exception the parent cannot unpickle breaks a ProcessPoolExecutor."""

from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


class QuotaError(Exception):
    # Pickle rebuilds an exception as QuotaError(*self.args), and args holds only
    # the message: the parent's call QuotaError("...") misses `limit` and fails.
    def __init__(self, user: str, limit: int) -> None:
        super().__init__(f"{user} is over the limit of {limit}")


def work(x: int) -> int:
    if x == 3:
        raise QuotaError("alice", 10)
    return x * x


def main() -> None:
    # --8<-- [start:run]
    executor = ProcessPoolExecutor(max_workers=2)
    try:
        # A safety net: the error arrives without it.
        executor.submit(work, 3).result(timeout=10)
    except BrokenProcessPool as exc:
        print("result() raised BrokenProcessPool:", exc)
        # __cause__ holds the traceback from the parent,
        # as text: its last line says why.
        print("its __cause__ ends with:", str(exc.__cause__).splitlines()[-2])
    try:
        executor.submit(work, 2)
    except BrokenProcessPool:
        print(
            "submit() afterwards raised BrokenProcessPool: the executor is unusable"
        )
    executor.shutdown()
    # --8<-- [end:run]
    print("executor shut down")


if __name__ == "__main__":
    main()
