"""Throwaway PostgreSQL and Redis servers for the persistence tests (real servers, on free ports)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy import local_servers
from deploy.local_servers import free_port


def server_binary(name: str) -> str:
    try:
        return local_servers.server_binary(name)
    except local_servers.MissingServer as missing:
        pytest.fail(f"{missing} (.ci/run installs it)")


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A fresh PostgreSQL cluster on a free port; yields its database URL."""
    directory = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
    data, port = directory / "data", free_port()
    server_binary("initdb")  # a clear failure when PostgreSQL is missing
    local_servers.init_postgres(data)
    local_servers.start_postgres(data, port)
    try:
        local_servers.create_database(port, "assistant")
        yield f"postgresql://assistant@127.0.0.1:{port}/assistant"
    finally:
        local_servers.stop_postgres(data)
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
    server_binary("redis-server")  # a clear failure when Redis is missing
    port = free_port()
    process = subprocess.Popen(local_servers.redis_command(port), stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/1"
    try:
        local_servers.wait_for_redis(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
