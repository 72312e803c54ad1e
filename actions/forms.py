"""One FormValidationAction per topic form.

Each form asks only for what its rule still needs: `required_slots` asks
`policy_rules` which inputs the case depends on, given the facts known so far.
Every value is checked by the rule's own input checks; a value the rule
rejects is re-asked with the rule's message, and after repeated failures the
form stops and the answer action offers a way out.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from typing import Any, Callable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

import policy_rules
from policy_rules import UNKNOWN, PolicyInputError
from actions.topics import TOPICS
from actions.wording import error_text

MAX_FAILED_ANSWERS = 3


def slot_value(value: Any) -> Any:
    """A checked fact as stored in a slot: dates as ISO text, an unknown optional fact as 'unknown'."""
    if value is None:
        return UNKNOWN
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def known_facts(topic: str, tracker: Tracker) -> dict[str, Any]:
    """The topic's facts held in slots that its rule accepts, each checked on its own."""
    facts = {}
    for spec in policy_rules.get_rule(topic).inputs:
        value = tracker.get_slot(spec.name)
        if value is None:
            continue
        try:
            spec.coerce(value)
        except PolicyInputError:
            continue
        facts[spec.name] = value
    return facts


class RuleFormValidation(FormValidationAction):
    """Validation for the form of one topic; subclasses only name the topic."""

    @property
    @abstractmethod
    def topic(self) -> str:
        """The topic (and rule id) whose form this validates."""

    def name(self) -> str:
        return f"validate_{TOPICS[self.topic].form}"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        if int(tracker.get_slot("failed_attempts") or 0) >= MAX_FAILED_ANSWERS:
            return []  # stop asking; the answer action offers a way out
        facts = known_facts(self.topic, tracker)
        while True:
            try:
                needed, next_question = policy_rules.next_input(self.topic, facts)
                break
            except PolicyInputError as error:  # contradicting facts: leave out the one blamed and ask again
                if error.input_name not in facts:
                    raise
                del facts[error.input_name]
        context = [spec.name for spec in policy_rules.get_rule(self.topic).inputs if not spec.asked and spec.name in facts]
        return needed + [name for name in [next_question] if name and name not in needed] + context

    def __getattr__(self, name: str) -> Callable:
        """Rasa SDK looks up `validate_<slot>`; every input of the rule is checked by `validate_fact`."""
        slot = name.removeprefix("validate_")
        if name.startswith("validate_") and slot in {spec.name for spec in policy_rules.get_rule(self.topic).inputs}:
            return lambda value, dispatcher, tracker, domain: self.validate_fact(slot, value, dispatcher, tracker)
        raise AttributeError(name)

    def validate_fact(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        if value is None:
            return {slot: None}
        others = {name: fact for name, fact in known_facts(self.topic, tracker).items() if name != slot}
        try:
            checked = policy_rules.check_input(self.topic, slot, value, others)
        except PolicyInputError as error:
            return self.reject(slot, error, dispatcher, tracker)
        return {slot: slot_value(checked), "failed_attempts": 0}

    def reject(self, slot: str, error: PolicyInputError, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        dispatcher.utter_message(text=error_text(error))
        failures = int(tracker.get_slot("failed_attempts") or 0) + 1
        return {slot: None, error.input_name or slot: None, "failed_attempts": failures}


# One validation action per topic form; Rasa SDK registers every subclass it finds.
FORM_VALIDATIONS = {
    topic: type(f"Validate_{topic}_form", (RuleFormValidation,), {"topic": topic, "__module__": __name__})
    for topic in TOPICS
}
