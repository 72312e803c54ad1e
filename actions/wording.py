"""The dialogue's own sentences from the catalogue: the forms' questions and guiding messages, with buttons."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from catalogue import children
from catalogue import say as text_of
from policy_rules import PolicyInputError

LANGUAGE = "en"


def buttons(key: str, payload_of: Any = lambda value: f"/{value}") -> list[dict[str, str]]:
    """The buttons under `key` in the catalogue, each with the payload its key stands for."""
    return [{"title": title, "payload": payload_of(value)} for value, title in children(LANGUAGE, key + ".buttons").items()]


def say(dispatcher: CollectingDispatcher, message: str, **values: str) -> None:
    """Send one of the guiding messages, with its buttons."""
    key = f"message.{message}"
    dispatcher.utter_message(text=text_of(LANGUAGE, key + ".text", **values), buttons=buttons(key))


def error_text(error: PolicyInputError) -> str:
    """What to tell the citizen about a value the rule cannot accept."""
    return error.message
