"""Who can use a Dask cluster, over plain tcp:// and over TLS.

Anyone who reaches a tcp:// scheduler can; with TLS, only certificate holders.
"""

# /// script
# requires-python = ">=3.10"
# dependencies = ["dask[distributed]"]
# [tool.fvm]
# platforms = ["linux", "darwin"]  # makes its certificate with the openssl command
# start-methods = []  # starts a cluster of its own: run once
# network = true  # its sockets must stay on 127.0.0.1
# ///

import logging
import os
import subprocess
import tempfile
from pathlib import Path

from dask.distributed import Client, LocalCluster
from distributed.comm.core import CommClosedError
from distributed.security import Security


def make_certificate(folder: str, name: str) -> tuple[str, str]:
    """A new self-signed certificate and its private key, as PEM files."""
    cert, key = Path(folder, f"{name}.pem"), Path(folder, f"{name}.key")
    command = [
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
    ]
    command += ["-subj", f"/CN={name}", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(command, check=True, capture_output=True)
    return str(cert), str(key)


# --8<-- [start:security]
def tls_settings(authority: str, cert: str, key: str) -> Security:
    """Present this certificate; accept only peers with one the authority signed."""
    return Security(
        tls_ca_file=authority,
        tls_client_cert=cert,
        tls_client_key=key,
        tls_scheduler_cert=cert,
        tls_scheduler_key=key,
        tls_worker_cert=cert,
        tls_worker_key=key,
        require_encryption=True,
    )


# --8<-- [end:security]


def local_cluster(scratch: str, **tls) -> LocalCluster:
    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        local_directory=scratch,
        silence_logs=logging.CRITICAL,
        **tls,
    )


def try_client(label: str, address: str, **settings) -> None:
    """Connect as a stranger would, and run a function on every worker."""
    try:
        with Client(address, timeout="5s", **settings) as client:
            # Any function: this one returns the worker's PID.
            ran = client.run(os.getpid)
    # The scheduler closed the connection during the handshake.
    except CommClosedError:
        print(f"  {label}: refused, CommClosedError")
    # Raised before connecting: a tls:// address needs settings.
    except TypeError as error:
        print(f"  {label}: TypeError: {str(error).split(' (')[0]}")
    else:
        print(f"  {label}: ran a function on {len(ran)} of 2 workers")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        # --8<-- [start:open]
        print("tcp:// (the default)")
        with local_cluster(scratch) as cluster:
            try_client(
                "a client that knows only the address", cluster.scheduler_address
            )
        # --8<-- [end:open]

        # --8<-- [start:tls]
        # One certificate for the scheduler, the workers and
        # the client; self-signed, it is also the authority.
        # A stranger's certificate is signed by another one.
        cert, key = make_certificate(scratch, "cluster")
        stranger_cert, stranger_key = make_certificate(scratch, "stranger")
        cluster_tls = tls_settings(cert, cert, key)
        with local_cluster(scratch, protocol="tls", security=cluster_tls) as cluster:
            address = cluster.scheduler_address
            print(address.split("://")[0] + "://, certificates required")
            try_client(
                "a client with the cluster's certificate",
                address,
                security=cluster_tls,
            )
            try_client(
                "a client with a certificate of its own",
                address,
                security=tls_settings(cert, stranger_cert, stranger_key),
            )
            try_client("a client without TLS settings", address)
            try_client(
                "a client that speaks tcp://", address.replace("tls://", "tcp://")
            )
        # --8<-- [end:tls]


if __name__ == "__main__":
    main()
