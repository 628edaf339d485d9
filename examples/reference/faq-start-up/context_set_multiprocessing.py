"""set_start_method() can run once per program; get_context() never conflicts."""

import multiprocessing


def square(x):
    return x * x


def main():
    # Anything that starts a process fixes the global start method,
    # as would an earlier set_start_method() call in a library or a test runner.
    multiprocessing.set_start_method("spawn")
    try:
        multiprocessing.set_start_method("forkserver")
    except RuntimeError as exc:
        print(f"{type(exc).__name__}: {exc}")
    # The fix: a context object, local to the code that uses it.
    with multiprocessing.get_context("forkserver").Pool(processes=2) as pool:
        print("fixed:", pool.map(square, [1, 2, 3]))


if __name__ == "__main__":
    main()
