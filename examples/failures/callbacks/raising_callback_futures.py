"""A done-callback that raises: concurrent.futures logs the error and carries on."""

import logging
from concurrent.futures import Future, ProcessPoolExecutor


def work(x: int) -> int:
    return x * x


def save(future: Future) -> None:
    raise OSError("disk full")


LOGGED: list[str] = []


class KeepOneLine(logging.Handler):
    # Without a handler, logging prints the message (with
    # the future's memory address) and a traceback on stderr.
    # Keep one stable line instead, printed once the executor has shut down.
    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().split(" for ")[0]
        name, level, error = record.name, record.levelname, record.exc_info[1]
        LOGGED.append(f"{name} logged {level}: {message}: {error!r}")


def main() -> None:
    logging.getLogger("concurrent.futures").addHandler(KeepOneLine())
    with ProcessPoolExecutor(max_workers=2) as executor:
        # --8<-- [start:run]
        first = executor.submit(work, 2)
        first.add_done_callback(save)
        print("first result:", first.result(timeout=10))  # a safety net only
        later = executor.submit(work, 3)
        print("a later task still completes:", later.result(timeout=10))
        # --8<-- [end:run]
    print(*LOGGED, sep="\n")


if __name__ == "__main__":
    main()
