"""Conversations survive a restart of the servers, on the embedded SQLite file and on PostgreSQL.

The PostgreSQL run also takes its conversation locks from a real Redis server,
the production set-up of several Rasa servers behind one load balancer.
"""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from tests.e2e.conftest import start_servers, stop_servers
from tests.e2e.test_conversations import reply_text

PERSONAL_NUMBERS = "my ID is 110105199003071239, phone +86 138 1234 5678, card 6222 0212 3456 7894"
CLEAR_NUMBERS = ["110105199003071239", "13812345678", "138 1234 5678", "6222021234567894", "6222 0212 3456 7894"]


def slots(tracker: dict) -> dict:
    return {name: value for name, value in tracker["slots"].items() if value is not None}


@pytest.fixture(params=["sqlite", "postgresql+redis"])
def deployment(request, tmp_path) -> dict:
    if request.param == "sqlite":
        return {"DATABASE_URL": f"sqlite:///{tmp_path / 'assistant.db'}"}
    return {"DATABASE_URL": request.getfixturevalue("postgres_url"), "REDIS_URL": request.getfixturevalue("redis_url")}


def test_a_conversation_continues_after_a_restart_with_its_slots(deployment, tmp_path):
    sender = f"restart-{uuid.uuid4().hex[:8]}"
    assistant, processes = start_servers(tmp_path, deployment)
    try:
        assistant.say(sender, "when can i use my insurance again after missing payments")
        assistant.say(sender, "yes")
        asked = reply_text(assistant.say(sender, "100 days"))
        assert "when did you pay" in asked.lower()
        before = slots(assistant.tracker(sender))
        assert before["gap_days"] == 100 and before["requested_slot"] == "payment_date"
        assistant.say(f"numbers-{sender}", PERSONAL_NUMBERS)
    finally:
        stop_servers(processes)

    assistant, processes = start_servers(tmp_path, deployment)
    try:
        assert slots(assistant.tracker(sender)) == before
        answer = reply_text(assistant.say(sender, "June 2026"))
        assert "1 September 2026" in answer  # 100 days: 3 months after the payment month
    finally:
        stop_servers(processes)

    engine = sa.create_engine(deployment["DATABASE_URL"])
    with engine.connect() as connection:
        stored = connection.execute(
            sa.text("select count(*) from events where sender_id = :s"), {"s": f"rest:{sender}"}
        ).scalar()
        everything = " ".join(connection.execute(sa.text("select data from events")).scalars().all())
        everything += " ".join(connection.execute(sa.text("select text from consultation_unanswered")).scalars().all())
        answered = connection.execute(sa.text("select topic from consultation_answers")).scalars().all()
    assert stored > 0
    assert "waiting_period" in answered
    for number in CLEAR_NUMBERS:  # masked by the channel before the tracker store saw the message
        assert number not in everything
