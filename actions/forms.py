"""One FormValidationAction per topic form.

Each form asks only for what its rule still needs: `required_slots` asks
`policy_rules` which inputs the case depends on, given the facts known so far.
Every value is checked by the rule's own input checks; a value the rule
rejects is re-asked with the rule's message, and after repeated failures the
form stops and the answer action offers a way out.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

import policy_rules
from actions.topics import TOPICS
from actions.wording import error_text, language_of, say
from policy_rules import UNKNOWN, PolicyInputError
from policy_rules.inputs import MonthOnly
from text_catalogue.decisions import facts_text

MAX_FAILED_ANSWERS = 3


def slot_value(value: Any) -> Any:
    """A checked fact as stored in a slot: dates as ISO text (a month-only date as YYYY-MM), an unknown fact as
    'unknown'."""
    if value is None:
        return UNKNOWN
    if isinstance(value, MonthOnly):
        return value.month_text()
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


class TopicFormValidation(FormValidationAction, ABC):
    """Validation for the form of one topic: subclasses only name the topic.

    Every fact of the topic's rule is checked by the one method `validate_fact`,
    so a new fact on an existing topic needs no new method here.
    """

    @property
    @abstractmethod
    def topic(self) -> str:
        """The topic (and rule id) whose form this validates; a class attribute in each subclass.
        Abstract, so Rasa SDK registers the subclasses and not this base."""

    def name(self) -> str:
        return f"validate_{TOPICS[self.topic].form}"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        if int(tracker.get_slot("failed_attempts") or 0) >= MAX_FAILED_ANSWERS:
            return []  # stop asking; the answer action offers a way out
        if tracker.get_slot("topic") in TOPICS and tracker.get_slot("topic") != self.topic:
            return []  # the message's facts chose another topic: end here, the answer action opens that one
        facts = known_facts(self.topic, tracker)
        while True:
            try:
                needed, next_question = policy_rules.next_input(self.topic, facts)
                break
            except PolicyInputError as error:  # contradicting facts: leave out the one blamed and ask again
                if error.input_name not in facts:
                    raise
                del facts[error.input_name]
        context = [
            spec.name for spec in policy_rules.get_rule(self.topic).inputs if not spec.asked and spec.name in facts
        ]
        return needed + [name for name in [next_question] if name and name not in needed] + context

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Rasa SDK's hook, which would look for one `validate_<slot>` method per slot: each new value of a
        slot the case needs goes through `validate_fact` instead."""
        wanted = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        slots = {name: value for name, value in tracker.slots_to_validate().items() if name in wanted}
        for slot, value in list(slots.items()):
            checked = self.validate_fact(slot, value, dispatcher, tracker)
            slots.update(checked)
            tracker.slots.update(checked)  # later checks see this one's outcome, as in Rasa SDK
        self.acknowledge_facts_in_passing(slots, dispatcher, tracker)
        return [SlotSet(slot, value) for slot, value in slots.items()]

    def acknowledge_facts_in_passing(self, slots: dict, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """Facts accepted from a message that did not answer the question asked: say they were taken, so that
        the question asked again does not look as if the message went unread."""
        requested = tracker.get_slot("requested_slot")
        if not requested or slots.get(requested) is not None:
            return
        rule = policy_rules.get_rule(self.topic)
        taken = {
            spec.name: spec.coerce(slots[spec.name])
            for spec in rule.inputs
            if slots.get(spec.name) not in (None, UNKNOWN)
        }
        if taken:
            say(dispatcher, tracker, "noted", facts=facts_text(language_of(tracker), taken))

    def validate_fact(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        """Check one fact of the topic with the rule's own input checks, together with the facts known."""
        if value is None:
            return {slot: None}
        others = {name: fact for name, fact in known_facts(self.topic, tracker).items() if name != slot}
        try:
            checked = policy_rules.check_input(self.topic, slot, value, others)
        except PolicyInputError as error:
            return self.reject(slot, error, dispatcher, tracker)
        accepted = {slot: slot_value(checked), "failed_attempts": 0}
        if tracker.get_slot("asked_month") and not isinstance(checked, MonthOnly):
            accepted["asked_month"] = None  # the day asked for is known
        return accepted

    def reject(self, slot: str, error: PolicyInputError, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        """Say what was wrong and ask again: the fact blamed, and the answer just given unless it was accepted
        and only made another fact's missing day matter."""
        dispatcher.utter_message(text=error_text(tracker, error))
        failures = int(tracker.get_slot("failed_attempts") or 0) + 1
        cleared = asked_again(error, slot)
        if error.code != "exact_day_needed" or error.input_name == slot:
            cleared[slot] = None
        return {**cleared, "failed_attempts": failures}


def asked_again(error: PolicyInputError, slot: str) -> dict[str, Any]:
    """The slots to set for asking again the fact an error blames (else `slot`): that fact cleared and, when its
    exact day is what is missing, the month kept, so that an answer without a year ("10号") is read in it."""
    cleared: dict[str, Any] = {error.input_name or slot: None}
    if error.code == "exact_day_needed":
        cleared["asked_month"] = error.params["month"].strftime("%Y-%m")
    return cleared


# One validation action per topic form (tests/actions/test_forms.py checks none is missing);
# Rasa SDK registers every subclass it finds.


class ValidateWaitingPeriodForm(TopicFormValidation):
    topic = "waiting_period"


class ValidateDuplicateEnrolmentForm(TopicFormValidation):
    topic = "duplicate_enrolment"


class ValidateStopInsuranceForm(TopicFormValidation):
    topic = "stop_insurance"


class ValidateResidentsRefundForm(TopicFormValidation):
    topic = "residents_refund"


class ValidateTransferForm(TopicFormValidation):
    topic = "transfer"


class ValidateTransferGapBillsForm(TopicFormValidation):
    topic = "transfer_gap_bills"


class ValidateAccountWithdrawalForm(TopicFormValidation):
    topic = "account_withdrawal"


class ValidateRetirementForm(TopicFormValidation):
    topic = "retirement"
