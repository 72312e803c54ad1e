"""Retention: conversations and unanswered texts older than an age are deleted.

    python -m storage.retention [--days 180]      (or: make purge; RETENTION_DAYS sets the default)

A conversation is deleted when its latest event is older than the age, all its events
together: a conversation that goes on is kept whole. Unanswered messages of the
consultation log (masked text) go after the same age; the answered-question counts
hold no text and stay for the staff report. Run it daily (README: Data and retention).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from dataclasses import dataclass

import sqlalchemy as sa

from storage.consultation_log import UnansweredMessage, consultation_log
from storage.database import create_engine, database_url

DEFAULT_RETENTION_DAYS = 180
EVENTS = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))  # Rasa's SQL tracker store


@dataclass(frozen=True)
class Purged:
    conversations: int
    events: int
    unanswered: int


def retention_days() -> int:
    return int(os.environ.get("RETENTION_DAYS", "").strip() or DEFAULT_RETENTION_DAYS)


def purge(engine: sa.engine.Engine, older_than_days: int, now: dt.datetime | None = None) -> Purged:
    if older_than_days < 1:
        raise ValueError("the retention age must be at least one day")
    now = now or dt.datetime.now(dt.timezone.utc)
    cutoff = now - dt.timedelta(days=older_than_days)
    tables = set(sa.inspect(engine).get_table_names())
    conversations = events = unanswered = 0
    with engine.begin() as connection:
        if "events" in tables:
            old = (
                sa.select(EVENTS.c.sender_id)
                .group_by(EVENTS.c.sender_id)
                .having(sa.func.max(EVENTS.c.timestamp) < cutoff.timestamp())
            )
            senders = [row[0] for row in connection.execute(old)]
            conversations = len(senders)
            for start in range(0, len(senders), 500):  # bounded parameter lists
                chunk = senders[start : start + 500]
                events += connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id.in_(chunk))).rowcount
        if UnansweredMessage.__tablename__ in tables:
            naive_cutoff = cutoff.replace(tzinfo=None)  # the log stores naive UTC
            table = UnansweredMessage.__table__
            unanswered = connection.execute(sa.delete(table).where(table.c.at < naive_cutoff)).rowcount
    return Purged(conversations, events, unanswered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storage.retention", description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="age in days (default RETENTION_DAYS or 180)")
    args = parser.parse_args(argv)
    days = args.days if args.days is not None else retention_days()
    if days < 1:
        parser.error("--days must be at least 1")
    consultation_log().ensure_tables()
    purged = purge(create_engine(database_url()), days)
    print(
        f"Deleted {purged.conversations} conversations ({purged.events} events) and "
        f"{purged.unanswered} unanswered messages older than {days} days from {database_url()!r}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
