"""Load read-only state once per worker: ProcessPoolExecutor(initializer=)."""

from concurrent.futures import ProcessPoolExecutor

# Filled in each worker process by load_prices(); the parent never uses it.
_prices: dict[str, int] = {}


def load_prices(prices: dict[str, int]) -> None:
    """Runs once in every worker process, before its first task."""
    _prices.update(prices)


def order_total(order: tuple[str, int]) -> str:
    item, quantity = order
    return f"{quantity} x {item} = {quantity * _prices[item]}"


def main() -> None:
    prices = {"apple": 3, "bread": 25, "cheese": 40}
    orders = [("apple", 4), ("bread", 2), ("cheese", 1), ("apple", 10)]
    # --8<-- [start:pool]
    with ProcessPoolExecutor(
        max_workers=2, initializer=load_prices, initargs=(prices,)
    ) as executor:
        for line in executor.map(order_total, orders):
            print(line)
    # --8<-- [end:pool]


if __name__ == "__main__":
    main()
