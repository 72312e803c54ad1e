"""The dialogue's own sentences from the catalogue, in the conversation's language, with buttons."""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from policy_rules import PolicyInputError
from text_catalogue import DEFAULT_LANGUAGE, LANGUAGES, children
from text_catalogue import say as text_of
from text_catalogue.decisions import error_text as error_in


def language_of(tracker: Tracker) -> str:
    """The conversation's language: the `language` slot, set from what the citizen writes or asks for."""
    language = tracker.get_slot("language")
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def intent_payload(key: str) -> str:
    """The payload of a button keyed by an intent; `switch_language_<language>` carries the language asked for."""
    if key.startswith("switch_language_"):
        return "/switch_language" + json.dumps({"language": key.removeprefix("switch_language_")})
    return f"/{key}"


def buttons(language: str, key: str, payload_of: Any = intent_payload) -> list[dict[str, str]]:
    """The buttons under `key` in the catalogue, each with the payload its key stands for."""
    return [
        {"title": title, "payload": payload_of(value)} for value, title in children(language, key + ".buttons").items()
    ]


def say(dispatcher: CollectingDispatcher, tracker: Tracker, message: str, **values: str) -> None:
    """Send one of the guiding messages, with its buttons."""
    language, key = language_of(tracker), f"message.{message}"
    dispatcher.utter_message(text=text_of(language, key + ".text", **values), buttons=buttons(language, key))


def error_text(tracker: Tracker, error: PolicyInputError) -> str:
    """Why an answer cannot be accepted, in the citizen's words."""
    return error_in(language_of(tracker), error)
