"""Answers: the decision of the topic's rule for this citizen, direct answers, and an answer's steps, sources, "why?".

The actions only read slots, call policy_rules and lay the decision out; the
words of every answer come from the decision.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

import policy_rules
from actions.clock import today
from actions.extract_facts import topic_of_facts
from actions.forms import MAX_FAILED_ANSWERS, asked_again
from actions.topics import DIRECT_RULE_OF_INTENT, RESPONSE_OF_INTENT, TOPIC_OF_INTENT, TOPICS
from actions.wording import buttons, error_text, language_of, say
from policy_rules import Decision, PolicyInputError
from storage.consultation_log import consultation_log
from text_catalogue import children
from text_catalogue import say as text_of
from text_catalogue.decisions import (
    SOURCES,
    STEPS,
    WHY,
    answer_part_text,
    answer_parts,
    general_answer_text,
    short_answer_text,
    trace_text,
)

# The intent that asks for each part of an answer (the buttons under an answer send these).
INTENT_OF_PART = {STEPS: "show_steps", SOURCES: "show_sources", WHY: "explain_why"}
PART_OF_INTENT = {intent: part for part, intent in INTENT_OF_PART.items()}


def decided(rule_id: str, facts: dict[str, Any], as_of: dt.date, general: bool = False) -> Decision:
    """The rule's decision for these facts, or (general) the rule as stated for everyone."""
    if general:
        return policy_rules.get_rule(rule_id).general_statement(as_of)
    return policy_rules.evaluate(rule_id, facts, as_of=as_of)


def tell_decision(
    dispatcher: CollectingDispatcher, tracker: Tracker, rule_id: str, facts: dict[str, Any], general: bool = False
) -> list[dict]:
    """Decide, send the short answer, log it for staff and remember it for "steps", "sources" and "why?"."""
    as_of = today()
    decision = decided(rule_id, facts, as_of, general)
    language = language_of(tracker)
    if rule_id in TOPICS and not general:  # the citizen's own case: the outcome first, the rest on request
        text, parts = short_answer_text(language, decision), answer_parts(decision)
    else:  # a question answered for everyone: its sources at once
        text, parts = general_answer_text(language, decision), [p for p in answer_parts(decision) if p != SOURCES]
    dispatcher.utter_message(text=text, buttons=part_buttons(language, parts))
    consultation_log().record_answer(decision, channel=tracker.get_latest_input_channel(), language=language)
    last = {"rule": rule_id, "facts": facts, "as_of": as_of.isoformat(), "general": general}
    return [SlotSet("last_answer", last)]


def part_buttons(language: str, parts: list[str]) -> list[dict[str, str]]:
    """The buttons that ask for these parts of the last answer."""
    wanted = {INTENT_OF_PART[part] for part in parts}
    return [button for button in buttons(language, "message.answer_parts") if button["payload"][1:] in wanted]


def last_decision(tracker: Tracker) -> Decision | None:
    """The last answer given, decided again from the facts and the date it was given on."""
    last = tracker.get_slot("last_answer")
    if not last:
        return None
    return decided(last["rule"], last["facts"], dt.date.fromisoformat(last["as_of"]), last.get("general", False))


def topic_facts(tracker: Tracker, topic: str) -> dict[str, Any]:
    """The facts of the topic's rule held in slots."""
    facts = {spec.name: tracker.get_slot(spec.name) for spec in policy_rules.get_rule(topic).inputs}
    return {name: value for name, value in facts.items() if value is not None}


def answered_with(tracker: Tracker, topic: str, facts: dict[str, Any]) -> bool:
    """Whether the last answer was this topic's, for the citizen's case, with exactly these facts."""
    last = tracker.get_slot("last_answer") or {}
    return (last.get("rule"), last.get("general"), last.get("facts")) == (topic, False, facts)


class AnswerCase(Action):
    """Answer the current topic from the facts gathered, or go back to asking what is missing."""

    def name(self) -> str:
        return "action_answer_case"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        topic = tracker.get_slot("topic")
        if topic not in TOPICS:
            dispatcher.utter_message(response="utter_help")
            return []
        facts = topic_facts(tracker, topic)
        if answered_with(tracker, topic, facts):
            say(dispatcher, tracker, "answer_unchanged")  # "yes", or a fact repeated: the same answer again is noise
            return []
        form = TOPICS[topic].form
        try:
            _needed, missing = policy_rules.next_input(topic, facts)
            if missing is None:
                return tell_decision(dispatcher, tracker, topic, facts)
        except PolicyInputError as error:  # a corrected fact the rule cannot accept: say why and ask again
            dispatcher.utter_message(text=error_text(tracker, error))
            return [
                *(SlotSet(name, value) for name, value in asked_again(error, str(error.input_name)).items()),
                FollowupAction(form),
            ]
        if int(tracker.get_slot("failed_attempts") or 0) >= MAX_FAILED_ANSWERS:
            say(dispatcher, tracker, "way_out")
            return [SlotSet("failed_attempts", 0)]
        return [FollowupAction(form)]


class AnswerCorrection(Action):
    """'That's wrong' after an answer: a message that gives the right fact as well ("sorry, it was actually 100
    days") updates the answer; one that does not is told how to correct a fact."""

    def name(self) -> str:
        return "action_answer_correction"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        topic = tracker.get_slot("topic")
        last = tracker.get_slot("last_answer") or {}
        if (
            topic in TOPICS
            and last.get("rule") == topic
            and not answered_with(tracker, topic, topic_facts(tracker, topic))
        ):
            return await AnswerCase().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_how_to_correct")
        return []


class AnswerDirect(Action):
    """Questions that need no fact of the citizen's case, and small talk."""

    def name(self) -> str:
        return "action_answer_direct"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        intent = str((tracker.latest_message.get("intent") or {}).get("name"))
        if intent in DIRECT_RULE_OF_INTENT:
            return tell_decision(dispatcher, tracker, DIRECT_RULE_OF_INTENT[intent], {})
        dispatcher.utter_message(response=RESPONSE_OF_INTENT.get(intent, "utter_help"))
        return []


class AnswerGeneral(Action):
    """A topic asked about in general: the rule as the sources state it, with its source, and (unless the form
    follows because the question was also about the citizen's case) an offer to work out their own case."""

    def name(self) -> str:
        return "action_answer_general"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        message = tracker.latest_message or {}
        intent = str((message.get("intent") or {}).get("name"))
        topic = topic_of_facts(intent, message.get("text") or "", message.get("entities") or [])
        topic = topic or TOPIC_OF_INTENT.get(intent)
        if topic is None:
            dispatcher.utter_message(response="utter_help")
            return [SlotSet("question_kind", "own")]
        events = tell_decision(dispatcher, tracker, topic, {}, general=True)
        if tracker.get_slot("question_kind") != "both":  # asked both: the form follows at once
            language = language_of(tracker)
            own_case = "/" + TOPICS[topic].intent + json.dumps({"question_kind": "own"})
            offer = children(language, "message.offer_own_case.buttons")
            dispatcher.utter_message(
                text=text_of(language, "message.offer_own_case.text"),
                buttons=[{"title": title, "payload": own_case} for title in offer.values()],
            )
        return [*events, SlotSet("question_kind", "own")]  # a button without the entity then opens the form


class ExplainWhy(Action):
    """'Why?': while asking, why the question matters; after an answer, the rules that fired."""

    def name(self) -> str:
        return "action_explain"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        requested = tracker.get_slot("requested_slot")
        topic = tracker.get_slot("topic")
        if tracker.active_loop.get("name") and requested and topic in TOPICS:
            language = language_of(tracker)
            say(
                dispatcher,
                tracker,
                "why_asked",
                question=text_of(language, f"rule.{topic}.title"),
                fact=text_of(language, f"input.{requested}.description"),
            )
            return []
        decision = last_decision(tracker)
        if decision is None:
            return await nothing_to_show(dispatcher, tracker, domain)
        language = language_of(tracker)
        others = [part for part in answer_parts(decision) if part != WHY]
        dispatcher.utter_message(text=trace_text(language, decision), buttons=part_buttons(language, others))
        return []


async def nothing_to_show(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
    """'Why?', 'Steps' or 'Sources' before any answer: the topic the message resembles (set by the fact
    extraction) is taken up, else the citizen is told there is no answer yet."""
    if tracker.get_slot("topic") in TOPICS:
        return await AnswerCase().run(dispatcher, tracker, domain)
    say(dispatcher, tracker, "nothing_to_explain")
    return []


class ShowAnswerPart(Action):
    """'Steps' or 'Sources': that part of the last answer, with the buttons for the other parts."""

    def name(self) -> str:
        return "action_show_answer_part"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        decision = last_decision(tracker)
        if decision is None:
            return await nothing_to_show(dispatcher, tracker, domain)
        language = language_of(tracker)
        intent = str((tracker.latest_message.get("intent") or {}).get("name"))
        part = PART_OF_INTENT.get(intent, STEPS)
        text = answer_part_text(language, decision, part)
        if not text:  # e.g. "steps" typed after an answer that has no steps or notes
            say(dispatcher, tracker, "nothing_more")
            return []
        others = [other for other in answer_parts(decision) if other != part]
        dispatcher.utter_message(text=text, buttons=part_buttons(language, others))
        return []


class StartOver(Action):
    """Forget the case and start again."""

    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        say(dispatcher, tracker, "start_over")
        dispatcher.utter_message(response="utter_help")
        return [Restarted(), SlotSet("language", language_of(tracker))]  # the case is forgotten, not the language
