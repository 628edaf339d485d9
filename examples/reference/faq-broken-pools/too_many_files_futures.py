"""Executors made in a loop and never shut down use up the file descriptors."""

import resource
from concurrent.futures import ProcessPoolExecutor


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # A low limit, to fail quickly.
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
    executors = []
    try:
        # Each executor opens pipes in its constructor, before any worker starts.
        while True:
            executors.append(ProcessPoolExecutor(max_workers=1))
    except OSError as exc:
        print(f"{type(exc).__name__}: {exc}")
    finally:
        for executor in executors:
            executor.shutdown()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    # The fix: one executor, closed by its with block, reused for every call.
    with ProcessPoolExecutor(max_workers=1) as executor:
        print("fixed:", [executor.submit(abs, -n).result() for n in range(3)])


if __name__ == "__main__":
    main()
