"""The start of a conversation: slots carried over, and the language the channel starts in.

The WeChat channel starts in Chinese and the web page in the browser's
language: they send it as `default_language` in the message metadata. What
the citizen writes or asks for then sets the language (the `language` slot,
filled by the NLU pipeline's `language` entity).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from text_catalogue import LANGUAGES


class StartSession(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        carried = {
            name: value
            for name, value in tracker.slots.items()
            if value is not None and name != "session_started_metadata"
        }
        events += [SlotSet(name, value) for name, value in carried.items()]
        metadata: Any = tracker.get_slot("session_started_metadata") or {}
        default = metadata.get("default_language") if isinstance(metadata, dict) else None
        if default in LANGUAGES and "language" not in carried:
            events.append(SlotSet("language", default))
        events.append(ActionExecuted("action_listen"))
        return events
