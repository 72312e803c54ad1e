"""Tracker and dispatcher fixtures for the action tests (real rasa_sdk objects)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("ASSISTANT_TODAY", "2026-11-22")


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str | None = None,
    entities: list[dict] | None = None,
    active_loop: str | None = None,
) -> Tracker:
    """A tracker after one user message, with the given slots and open form."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0} if intent else {}, "entities": entities or []}
    return Tracker(
        sender_id="test",
        slots={"failed_attempts": 0, **(slots or {})},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def tracker_for():
    return make_tracker


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(message.get("text") or message.get("response") or "" for message in dispatcher.messages)


@pytest.fixture(scope="session", autouse=True)
def test_database(tmp_path_factory):
    """Every test writes to a database of its own run, never to var/assistant.db."""
    with pytest.MonkeyPatch.context() as patch:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'assistant.db'}"
        patch.setenv("DATABASE_URL", url)
        yield url


@pytest.fixture(scope="session")
def postgres_server():
    from tests.servers import throwaway_postgres

    with throwaway_postgres() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server):
    """A new, empty database on the session's PostgreSQL server for each test."""
    from tests.servers import new_database

    return new_database(postgres_server)


@pytest.fixture(scope="session")
def redis_url():
    from tests.servers import throwaway_redis

    with throwaway_redis() as url:
        yield url


@pytest.fixture(scope="session")
def wechat_api():
    """WeChat's customer-service API as a local fake, for the e2e servers and the cluster alike."""
    from tests.e2e.fake_wechat_api import FakeWeChatApi

    api = FakeWeChatApi()
    yield api
    api.close()
