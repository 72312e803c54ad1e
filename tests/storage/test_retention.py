"""make purge deletes conversations and unanswered texts older than the retention age, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from storage.consultation_log import ConsultationLog, UnansweredMessage
from storage.database import create_engine
from storage.retention import main, purge
from storage.tracker_store import DatabaseTrackerStore

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone.utc)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'a.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def days_ago(days: float) -> float:
    return (NOW - dt.timedelta(days=days)).timestamp()


async def store_conversation(store: DatabaseTrackerStore, sender: str, *ages_in_days: float) -> None:
    events = [UserUttered(f"message {age}", timestamp=days_ago(age)) for age in ages_in_days]
    await store.save(DialogueStateTracker.from_events(sender, events))


def senders(engine: sa.engine.Engine) -> set[str]:
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT DISTINCT sender_id FROM events"))}


async def test_old_conversations_go_whole_and_recent_ones_stay(database):
    store = DatabaseTrackerStore()
    await store_conversation(store, "rest:old", 400, 200)
    await store_conversation(store, "rest:going-on", 400, 10)  # its latest event is recent: kept whole
    await store_conversation(store, "wechat:recent", 1)
    engine = create_engine(make_url(database))
    log = ConsultationLog(engine)
    log.ensure_tables()
    with engine.begin() as connection:
        connection.execute(
            sa.insert(UnansweredMessage.__table__),
            [
                {"at": (NOW - dt.timedelta(days=181)).replace(tzinfo=None), "reason": "nlu_fallback", "text": "old"},
                {"at": (NOW - dt.timedelta(days=179)).replace(tzinfo=None), "reason": "nlu_fallback", "text": "new"},
            ],
        )
    purged = purge(engine, 180, now=NOW)
    assert (purged.conversations, purged.events, purged.unanswered) == (1, 2, 1)
    assert senders(engine) == {"rest:going-on", "wechat:recent"}
    with engine.connect() as connection:
        assert [row[0] for row in connection.execute(sa.text("SELECT text FROM consultation_unanswered"))] == ["new"]
    assert purge(engine, 180, now=NOW) == type(purged)(0, 0, 0)  # nothing left to delete


def test_purge_on_an_empty_database_deletes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    monkeypatch.setenv("RETENTION_DAYS", "30")
    assert main([]) == 0
    assert "Deleted 0 conversations (0 events) and 0 unanswered messages older than 30 days" in capsys.readouterr().out


def test_an_age_below_one_day_is_refused():
    with pytest.raises(ValueError):
        purge(sa.create_engine("sqlite://"), 0)
