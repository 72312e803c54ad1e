"""server.fixes: Rasa 3.6 as this project runs it checks action server replies as before, only faster, and
gives the action server a turn's time, not five minutes."""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.processor import MessageProcessor

from server import fixes

GOOD_REPLY = {
    "events": [{"event": "slot", "name": "topic", "value": "transfer"}],
    "responses": [{"text": "ok", "buttons": [{"title": "Steps", "payload": "/show_steps"}]}],
}


@pytest.fixture
def applied(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(RemoteAction, "run", RemoteAction.run)
    monkeypatch.setattr(MessageProcessor, "handle_message", MessageProcessor.handle_message)
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
    run = RemoteAction.run
    fixes.apply(turn_deadline=False)  # undone by monkeypatch after the test
    assert RemoteAction.run is run  # the turn's deadline left out, as the turn profile needs
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


@pytest.fixture
def action_server_taking(monkeypatch):
    """RemoteAction.run as Rasa's, but the action server takes the given seconds; records the calls."""
    calls = []

    def taking(seconds: float) -> list:
        async def rasa_run(action, *args):
            calls.append(action.name())
            await asyncio.sleep(seconds)
            return []

        monkeypatch.setattr(fixes, "_rasa_run_remote_action", rasa_run)
        return calls

    return taking


async def turn_calling(actions: list[str]) -> None:
    """A turn that calls these actions, as Rasa's processor does: a failure is logged and the turn goes on."""
    for name in actions:
        with contextlib.suppress(Exception):
            await RemoteAction(name, None).run(None, None, None, None)


async def test_a_slow_action_server_fails_the_turns_calls_once_its_time_is_spent(
    applied, action_server_taking, monkeypatch
):
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "0.2")
    calls = action_server_taking(60)
    monkeypatch.setattr(fixes, "_rasa_handle_message", lambda _processor, _message: turn_calling(["a", "b", "c"]))
    with pytest.raises(fixes.ActionServerFailed, match=r"did not answer a, b, c \(within the turn's 0.2 s"):
        await asyncio.wait_for(MessageProcessor.handle_message(None, None), 30)  # not Rasa's 5 minutes per call
    assert calls == ["a"]  # b and c are not even asked: the turn's time was spent on a


async def test_a_prompt_action_server_is_answered_as_before(applied, action_server_taking, monkeypatch):
    calls = action_server_taking(0)
    monkeypatch.setattr(fixes, "_rasa_handle_message", lambda _processor, _message: turn_calling(["a", "b"]))
    await MessageProcessor.handle_message(None, None)
    assert calls == ["a", "b"]


@pytest.mark.parametrize(
    ("failure", "turn_fails"),
    [(aiohttp.ClientConnectionError(), True), (ActionExecutionRejection("validate_form"), False)],
    ids=["action server unreachable", "a form's validation declines"],
)
async def test_a_turn_whose_action_failed_ends_in_an_error_for_the_channel(applied, monkeypatch, failure, turn_fails):
    async def rasa_run(action, *args):
        raise failure

    monkeypatch.setattr(fixes, "_rasa_run_remote_action", rasa_run)
    monkeypatch.setattr(fixes, "_rasa_handle_message", lambda _processor, _message: turn_calling(["a"]))
    if turn_fails:
        with pytest.raises(fixes.ActionServerFailed, match="did not answer a"):
            await MessageProcessor.handle_message(None, None)
    else:
        assert await MessageProcessor.handle_message(None, None) is None


async def test_outside_a_turn_rasa_keeps_its_own_timeout(applied, action_server_taking):
    calls = action_server_taking(0.3)  # beyond any deadline a turn would have left: none applies
    assert await RemoteAction("a", None).run(None, None, None, None) == []
    assert calls == ["a"]


def test_the_time_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "2.5")
    assert fixes.action_timeout_seconds() == 2.5
    monkeypatch.delenv("ACTION_TIMEOUT_SECONDS")
    assert fixes.action_timeout_seconds() == fixes.DEFAULT_ACTION_TIMEOUT_SECONDS
