"""A database that cannot keep a conversation is noticed: logged, and remembered for the channel
(Rasa's FailSafeTrackerStore would otherwise carry on in memory without a word)."""

from __future__ import annotations

import logging

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import OperationalError

from storage.tracker_store import DatabaseTrackerStore, failed


async def read_only(*_args, **_kwargs):
    raise OperationalError("INSERT INTO events", {}, Exception("attempt to write a readonly database"))


async def test_an_unwritable_database_is_logged_and_marked(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    store = DatabaseTrackerStore()
    tracker = DialogueStateTracker.from_events("rest:me", [UserUttered("hi")])
    await store.save(tracker)
    assert not failed("rest:me")
    monkeypatch.setattr(SQLTrackerStore, "save", read_only)
    with caplog.at_level(logging.ERROR), pytest.raises(OperationalError):
        await store.save(tracker)
    assert failed("rest:me") and not failed("rest:me")  # reported once
    assert "could not save a conversation" in caplog.text


async def test_an_unreadable_database_is_marked_too(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'b.db'}")
    store = DatabaseTrackerStore()
    monkeypatch.setattr(SQLTrackerStore, "retrieve", read_only)
    with pytest.raises(OperationalError):
        await store.retrieve("wechat:o-1")
    assert failed("wechat:o-1")
