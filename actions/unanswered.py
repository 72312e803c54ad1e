"""Messages the assistant could not answer go to the consultation log for staff."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.wording import language_of
from storage.consultation_log import consultation_log


class LogUnanswered(Action):
    """Records the citizen's text (personal numbers masked); the reply comes from the domain."""

    def name(self) -> str:
        return "action_log_unanswered"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        message = tracker.latest_message or {}
        reason = (message.get("intent") or {}).get("name") or "unknown"
        consultation_log().record_unanswered(
            message.get("text") or "", reason, tracker.get_latest_input_channel(), language_of(tracker)
        )
        return []
