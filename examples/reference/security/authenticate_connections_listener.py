"""Authenticate multiprocessing.connection's Listener and Client with an authkey.

Both ends share the key; the handshake is an HMAC challenge.
"""

import secrets
import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener


def serve(listener: Listener, attempts: int) -> None:
    """Answer each client that proves it knows the key; refuse the others."""
    for _ in range(attempts):
        try:
            with listener.accept() as conn:
                conn.send(conn.recv().upper())
        except AuthenticationError:
            pass  # the handshake failed before a single pickle was read


def main() -> None:
    # --8<-- [start:run]
    key = secrets.token_bytes(32)
    # Port 0: the system picks a free port.
    # Bind to loopback only: never expose a pickle channel.
    with Listener(("127.0.0.1", 0), authkey=key) as listener:
        server = threading.Thread(target=serve, args=(listener, 2))
        server.start()
        with Client(listener.address, authkey=key) as conn:
            conn.send("hello")
            print("right key:", conn.recv())
        try:
            Client(listener.address, authkey=b"a wrong key")
        except AuthenticationError as exc:
            print("wrong key:", type(exc).__name__, exc)
        server.join()
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
