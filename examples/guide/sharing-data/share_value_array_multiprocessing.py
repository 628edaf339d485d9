"""Share a counter and an array between Pool workers: Value and Array."""

from multiprocessing import Array, Pool, Value

_counter = None  # set in each worker by attach()
_squares = None


def attach(counter, squares) -> None:
    global _counter, _squares
    _counter, _squares = counter, squares


def store_square(i: int) -> None:
    _squares[i] = i * i  # each index has one writer: no lock needed
    # += reads then writes: without the lock, updates get lost.
    with _counter.get_lock():
        _counter.value += 1


def main() -> None:
    counter = Value("i", 0)  # a C int in shared memory, with a lock
    squares = Array("i", 6)  # six C ints in shared memory, with a lock
    # Like a Queue, they cannot be task arguments; pass them when the workers start.
    with Pool(processes=2, initializer=attach, initargs=(counter, squares)) as pool:
        pool.map(store_square, range(6))
    print("tasks counted:", counter.value)
    print("squares:", list(squares))


if __name__ == "__main__":
    main()
