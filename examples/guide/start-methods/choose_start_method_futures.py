"""Choose a start method per executor: ProcessPoolExecutor(mp_context=...)."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

# The value every fresh import of this module sees;
# main() changes it before starting any pool.
SETTING = "set at import"


def read_setting(_: int) -> str:
    return SETTING


def main() -> None:
    global SETTING
    SETTING = "changed in main()"
    # fork first: forking after other pools' threads
    # have run is what Python 3.12+ warns about.
    for method in ("fork", "forkserver", "spawn"):
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
            seen = executor.submit(read_setting, 0).result()
        print(f"{method:>10}: the worker sees {seen!r}")


if __name__ == "__main__":
    main()
