"""Fixes of Rasa 3.6 behaviour that costs citizens time, applied before the server starts.

- Replies of the action server: RemoteAction checks each one with jsonschema.validate(), which checks the
  schema itself against jsonschema's meta-schema every time; that check was 7 of the 8 ms spent per reply
  (two or three replies per turn). The schema never changes, so it is checked once and its validator kept.
- Time given to the action server: Rasa waits up to 5 minutes for each action call (a constant, not a
  setting of endpoints.yml), so a slow action server kept a citizen waiting for as long as it took, long
  after WeChat's 5-second window. The action calls of one turn now share ACTION_TIMEOUT_SECONDS (10 s).
- A turn whose action call failed (too slow, unreachable, an error): Rasa logs it and goes on predicting
  without the action's events, which could end in a misleading "Sorry, I didn't understand". The turn now
  ends in an error once Rasa has stored it, and the channel apologises (channels/rest.py, wechat.py...).
"""

from __future__ import annotations

import asyncio
import functools
import os
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.exceptions import RasaException

# Longer than any real turn (p99 6.5 s with 50 citizens at once on 2 cores, make bench), far shorter than Rasa's
# 5 minutes per call. WeChat's 5-second window is the channel's to keep: it answers "success" after
# WECHAT_REPLY_TIMEOUT_SECONDS and sends a later reply through the customer-service API. With 3 s, a crowd
# turned answers into apologies (make bench at 50 concurrent).
DEFAULT_ACTION_TIMEOUT_SECONDS = 10.0
_rasa_run_remote_action = RemoteAction.run
_rasa_handle_message = MessageProcessor.handle_message


class ActionServerTooSlow(RasaException):
    """Raised like Rasa's own action failures, so that Rasa logs it and carries on without the action."""


class ActionServerFailed(RasaException):
    """A turn went without the action server's answer: raised to the channel, which apologises."""


@dataclass
class Turn:
    deadline: float
    failed: list[str] = field(default_factory=list)  # actions the action server did not answer (in time)


_turn: ContextVar[Turn | None] = ContextVar("turn", default=None)


@functools.lru_cache(maxsize=1)
def action_reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_reply(_action: RemoteAction, reply: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result with the validator built once; the same errors are raised."""
    try:
        action_reply_validator().validate(reply)
    except ValidationError as error:
        error.message += ". Failed to validate Action server response from API"
        raise
    return True


def action_timeout_seconds() -> float:
    return float(os.environ.get("ACTION_TIMEOUT_SECONDS", "").strip() or DEFAULT_ACTION_TIMEOUT_SECONDS)


async def handle_message_with_deadline(processor: MessageProcessor, message: Any) -> Any:
    """MessageProcessor.handle_message with a deadline for the turn's action calls (after its lock is taken);
    raises once the turn is stored when an action missed it."""
    turn = Turn(time.monotonic() + action_timeout_seconds())
    token = _turn.set(turn)
    try:
        replies = await _rasa_handle_message(processor, message)
    finally:
        _turn.reset(token)
    if turn.failed:
        raise ActionServerFailed(
            f"the action server did not answer {', '.join(turn.failed)} (within the turn's "
            f"{action_timeout_seconds()} s, ACTION_TIMEOUT_SECONDS)"
        )
    return replies


async def run_remote_action_by_deadline(action: RemoteAction, *args: Any, **kwargs: Any) -> Any:
    """RemoteAction.run, given only what is left of the turn's time (all of Rasa's outside a turn)."""
    turn = _turn.get()
    if turn is None:
        return await _rasa_run_remote_action(action, *args, **kwargs)
    try:
        return await asyncio.wait_for(
            _rasa_run_remote_action(action, *args, **kwargs), turn.deadline - time.monotonic()
        )
    except ActionExecutionRejection:
        raise  # the action declined to run (a form's validation): Rasa predicts another, nothing failed
    except asyncio.TimeoutError:
        turn.failed.append(action.name())
        raise ActionServerTooSlow(f"the action server did not answer {action.name()} in time") from None
    except Exception:
        turn.failed.append(action.name())
        raise


def apply(turn_deadline: bool = True) -> None:
    """Patch Rasa: the action reply check, and (unless `turn_deadline` is False) the turn's shared deadline."""
    RemoteAction._validate_action_result = validate_action_reply  # type: ignore[method-assign]
    if turn_deadline:
        RemoteAction.run = run_remote_action_by_deadline  # type: ignore[method-assign]
        MessageProcessor.handle_message = handle_message_with_deadline  # type: ignore[method-assign]
