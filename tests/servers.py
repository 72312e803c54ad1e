"""Throwaway PostgreSQL and Redis servers for the persistence tests (real servers, on free ports)."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_binary(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        pytest.fail(f"{name} is not installed: .ci/run installs it (apt-get install postgresql redis-server)")
    return found


def as_postgres_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; CI and this machine run tests as root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A fresh PostgreSQL cluster on a free port; yields its database URL."""
    directory = tempfile.mkdtemp(prefix="assistant-pg-")
    data = os.path.join(directory, "data")
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres")
    port = free_port()
    subprocess.run(
        as_postgres_user(
            [server_binary("initdb"), "-D", data, "-U", "assistant", "--auth=trust", "--encoding=UTF8", "--locale=C"]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        as_postgres_user(
            [
                server_binary("pg_ctl"),
                "-D",
                data,
                "-l",
                os.path.join(directory, "log"),
                "-w",
                "-o",
                f"-p {port} -k {directory} -c listen_addresses=127.0.0.1",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            as_postgres_user(
                [server_binary("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "assistant", "assistant"]
            ),
            check=True,
            capture_output=True,
        )
        yield f"postgresql://assistant@127.0.0.1:{port}/assistant"
    finally:
        subprocess.run(
            as_postgres_user([server_binary("pg_ctl"), "-D", data, "-m", "fast", "stop"]), capture_output=True
        )
        shutil.rmtree(directory, ignore_errors=True)


def new_database(server_url: str) -> str:
    """Create an empty database on the server; returns its URL."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    name = f"test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@contextlib.contextmanager
def throwaway_redis() -> Iterator[str]:
    """A Redis server on a free port with no persistence; yields its URL."""
    import redis

    port = free_port()
    process = subprocess.Popen(
        [server_binary("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/1"
    try:
        for _ in range(100):
            with contextlib.suppress(redis.ConnectionError):
                if redis.Redis.from_url(url).ping():
                    break
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
