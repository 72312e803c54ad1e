"""server.fixes: Rasa 3.6 as this project runs it checks action server replies as before, only faster."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from server import fixes

GOOD_REPLY = {
    "events": [{"event": "slot", "name": "topic", "value": "transfer"}],
    "responses": [{"text": "ok", "buttons": [{"title": "Steps", "payload": "/show_steps"}]}],
}


@pytest.fixture
def applied(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    fixes.apply()  # undone by monkeypatch after the test


def test_a_well_formed_reply_passes(applied):
    assert RemoteAction("action_answer_case", None)._validate_action_result(GOOD_REPLY)


@pytest.mark.parametrize(
    "reply",
    [
        {"events": "not a list"},
        {"events": [{"no": "event name"}]},
        {"events": [{"event": "slot", "name": "topic", "value": "x", "timestamp": "yesterday"}]},
        {"events": [{"event": "no such event"}]},
    ],
    ids=["events not a list", "event without its name", "timestamp not a number", "unknown event"],
)
def test_a_malformed_reply_is_refused_as_rasa_refuses_it(monkeypatch, reply):
    with pytest.raises(ValidationError):
        RemoteAction("action_answer_case", None)._validate_action_result(reply)  # Rasa's own check
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    fixes.apply()  # undone by monkeypatch after the test
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction("action_answer_case", None)._validate_action_result(reply)


def test_the_schema_is_checked_once_not_per_reply(applied, monkeypatch):
    fixes.action_reply_validator.cache_clear()
    checks = []
    validator_class = type(fixes.action_reply_validator())
    monkeypatch.setattr(validator_class, "check_schema", classmethod(lambda cls, schema: checks.append(schema)))
    fixes.action_reply_validator.cache_clear()
    for _ in range(3):
        RemoteAction("action_answer_case", None)._validate_action_result(GOOD_REPLY)
    assert len(checks) == 1
