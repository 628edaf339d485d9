"""Change one NumPy array in place from ProcessPoolExecutor workers.

The workers attach to it by name, with shared_memory.
"""

# /// script
# dependencies = ["numpy"]
# ///
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import shared_memory

import numpy as np

SHAPE, DTYPE = (4, 3), np.int64


def double_row(block_name: str, row: int) -> None:
    block = shared_memory.SharedMemory(name=block_name)  # attach: nothing is copied
    array = np.ndarray(SHAPE, dtype=DTYPE, buffer=block.buf)
    array[row] *= 2
    del array  # the view must go before the block can close
    block.close()


def main() -> None:
    block = shared_memory.SharedMemory(
        create=True, size=SHAPE[0] * SHAPE[1] * np.dtype(DTYPE).itemsize
    )
    try:
        array = np.ndarray(SHAPE, dtype=DTYPE, buffer=block.buf)
        array[:] = np.arange(12).reshape(SHAPE)
        with ProcessPoolExecutor(max_workers=2) as executor:
            # Only the block's name and a row number are pickled, never the array.
            for future in [
                executor.submit(double_row, block.name, row) for row in (1, 3)
            ]:
                future.result()
        print(array)
        del array
    finally:
        block.close()
        block.unlink()  # free the memory: exactly one process must do this


if __name__ == "__main__":
    main()
