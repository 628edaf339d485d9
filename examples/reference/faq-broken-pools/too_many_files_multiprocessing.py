"""Pools created in a loop and never closed use up the process's file descriptors."""

import multiprocessing
import resource


def main():
    # spawn: with fork, each new pool would fork a
    # process that runs the earlier pools' threads.
    context = multiprocessing.get_context("spawn")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # A low limit, to fail quickly.
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
    pools = []
    try:
        while True:
            pools.append(context.Pool(processes=1))
    except OSError as exc:
        print(f"{type(exc).__name__}: {exc}")
    finally:
        for pool in pools:
            pool.terminate()
            pool.join()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    # The fix: one pool, closed by its with block, reused for every call.
    with context.Pool(processes=1) as pool:
        print("fixed:", [pool.apply(abs, (-n,)) for n in range(3)])


if __name__ == "__main__":
    main()
