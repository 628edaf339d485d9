"""multiprocessing.Pool.map with a lambda or a local function, then the fix."""

import pickle
import re
from multiprocessing import Pool


def square(x):
    return x * x


square_lambda = lambda x: x * x  # a lambda has no importable name


def describe(exc, function):
    # The address changes every run. The text after "...>:" (where the lookup failed)
    # is left out: the output keeps the part that names the object.
    message = re.sub(r"0x[0-9a-fA-F]+", "0x...", str(exc))
    if "local object" in message:
        # A local function's message changed wording in 3.12.5 ("Can't
        # pickle" became "Can't get") and again in 3.14, which also raises
        # PicklingError instead of AttributeError. Print the exception's
        # type and the function's name, which do not vary by patch release.
        return f"{type(exc).__name__} (local object): {function.__qualname__}"
    if ">:" in message:
        message = message.split(">:")[0] + ">"
    return f"{type(exc).__name__}: {message}"


def main():
    def square_local(x):
        return x * x

    with Pool(processes=2) as pool:
        for function in (square_lambda, square_local):
            try:
                pool.map(function, [3])  # raises in the caller, before any task runs
            except (AttributeError, pickle.PicklingError) as exc:
                print(describe(exc, function))
        print("fixed:", pool.map(square, [1, 2, 3]))


if __name__ == "__main__":
    main()
