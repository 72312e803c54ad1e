"""Messages the assistant could not classify: answered when their facts name the case, else logged for staff."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import AnswerCase
from actions.extract_facts import topic_of_facts
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


class AnswerUnclear(Action):
    """A message too unclear to classify. Outside a form, if the facts it states decide the topic ("I changed jobs
    and there was a two month gap"), that case is answered or asked about; otherwise it is logged and the citizen
    is asked to rephrase."""

    def name(self) -> str:
        return "action_answer_unclear"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        if not tracker.active_loop and topic_of_facts(intent, message.get("text") or "", message.get("entities") or []):
            return await AnswerCase().run(dispatcher, tracker, domain)
        await LogUnanswered().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_default")
        return []
