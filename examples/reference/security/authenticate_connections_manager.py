"""Give a multiprocessing Manager an explicit authkey and address.

A client with a wrong key is refused.
"""

import secrets
from multiprocessing import AuthenticationError, current_process, get_context
from multiprocessing.managers import SyncManager


def inherited_key() -> bytes:
    # bytes(): multiprocessing refuses to pickle the key object itself, for safety.
    return bytes(current_process().authkey)


def main() -> None:
    # --8<-- [start:manager]
    key = secrets.token_bytes(32)
    with SyncManager(address=("127.0.0.1", 0), authkey=key) as manager:
        # Another program that knows the address and the key can connect and use it.
        client = SyncManager(address=manager.address, authkey=key)
        client.connect()
        print("right key:", client.dict(answer=42).copy())
        try:
            SyncManager(address=manager.address, authkey=b"a wrong key").connect()
        except AuthenticationError as exc:
            print("wrong key:", type(exc).__name__, exc)
    # --8<-- [end:manager]
    # --8<-- [start:inherit]
    # Every process gets a random authkey;
    # its children (pool workers too) inherit it.
    with get_context().Pool(processes=1) as pool:
        print(
            "workers share this process's key:",
            pool.apply(inherited_key) == inherited_key(),
        )
    # --8<-- [end:inherit]


if __name__ == "__main__":
    main()
