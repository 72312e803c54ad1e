"""Fills the case facts from every user message (Rasa's action_validate_slot_mappings).

Rasa runs this after each message, before deciding what to do; the facts it
sets are then checked against the rules by the topic's form.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.clock import today
from actions.facts import extract_facts
from actions.topics import TOPIC_OF_FORM, TOPIC_OF_INTENT
from understanding.case_signals import case_signals

# A message that only states facts ("I missed 45 days") opens the topic it most resembles, if any is this likely.
TOPIC_GUESS_CONFIDENCE = 0.15
# So does one taken for "steps", "sources" or "why?" before there is any answer to show them of (我交了两份医保怎么办:
# "what do I do" sounds like "steps"), at a lower likelihood: it cannot be what it was taken for.
ANSWER_PART_INTENTS = frozenset({"show_steps", "show_sources", "explain_why"})
PART_GUESS_CONFIDENCE = 0.05


@dataclass(frozen=True)
class FactsRoute:
    """Where the question alone is ambiguous between topics, the facts present decide: a message classified as
    one of `intents` that gives every signal in `present` and none in `absent` is a question of `topic`."""

    intents: frozenset[str]
    present: frozenset[str]
    topic: str
    absent: frozenset[str] = frozenset()


TOPIC_OF_FACTS = (
    # A gap in a move between places is the question of the bills during a transfer, even when it sounds like the
    # waiting period after a gap, or is too unclear to classify.
    FactsRoute(
        frozenset({"ask_waiting_period", "ask_duplicate_enrolment", "inform", "nlu_fallback"}),
        frozenset({"moved", "gap"}),
        "transfer_gap_bills",
    ),
    # A gap (or a payment after one) with no move and no change of job is the waiting period, however much it
    # sounds like the bills of a gap during a transfer.
    FactsRoute(
        frozenset({"ask_transfer_gap_bills"}), frozenset({"gap"}), "waiting_period", frozenset({"moved", "job_change"})
    ),
    # An unclear message stating a gap, without a move, is the waiting period (also after a change of job, which
    # alone is no transfer: the insurance stays where it was).
    FactsRoute(frozenset({"nlu_fallback"}), frozenset({"gap"}), "waiting_period", frozenset({"moved"})),
    # How to stop an insurance, with two enrolments named, is the question which one to keep (and how to stop the
    # other): "residents and employee, how do I stop?".
    FactsRoute(frozenset({"ask_stop_insurance"}), frozenset({"insured_twice"}), "duplicate_enrolment"),
    # An unclear message about two enrolments is the question which one to keep.
    FactsRoute(frozenset({"nlu_fallback"}), frozenset({"insured_twice"}), "duplicate_enrolment"),
    # An unclear message about a move between places, without a gap, is the transfer.
    FactsRoute(frozenset({"nlu_fallback"}), frozenset({"moved"}), "transfer", frozenset({"gap"})),
)


def topic_of_facts(intent: str | None, text: str, entities: list[dict]) -> str | None:
    """The topic the stated facts decide for this intent, or None when they decide nothing."""
    routes = [route for route in TOPIC_OF_FACTS if intent in route.intents]
    signals = case_signals(text, entities) if routes else frozenset()
    return next(
        (route.topic for route in routes if route.present <= signals and not route.absent & signals),
        None,
    )


def current_topic(tracker: Tracker, form_topic: str | None) -> str | None:
    """The topic of this message: the one its facts decide, else the one it asks about, else the open form's,
    else the last one discussed, else, for facts stated out of the blue (or a part of an answer asked for before
    any answer), the topic the message most resembles."""
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    decided = topic_of_facts(intent, message.get("text") or "", message.get("entities") or [])
    if decided:
        return decided
    if intent in TOPIC_OF_INTENT:
        return TOPIC_OF_INTENT[intent]
    topic = form_topic or tracker.get_slot("topic")
    asks_for_a_part = intent in ANSWER_PART_INTENTS and not tracker.get_slot("last_answer")
    if topic is None and (intent == "inform" or asks_for_a_part):
        least = PART_GUESS_CONFIDENCE if asks_for_a_part else TOPIC_GUESS_CONFIDENCE
        ranking = tracker.latest_message.get("intent_ranking") or []
        likely = [i["name"] for i in ranking if i["name"] in TOPIC_OF_INTENT and i["confidence"] >= least]
        topic = TOPIC_OF_INTENT[likely[0]] if likely else None
    return topic


class ExtractCaseFacts(ValidationAction):
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        form_topic = TOPIC_OF_FORM.get(str((tracker.active_loop or {}).get("name")))
        requested = tracker.get_slot("requested_slot") if form_topic else None
        read = functools.partial(
            extract_facts,
            text=message.get("text") or "",
            intent=(message.get("intent") or {}).get("name"),
            entities=message.get("entities") or [],
            requested_slot=requested,
            today=today(),
            asked_month=tracker.get_slot("asked_month") if requested else None,
        )
        topic = current_topic(tracker, form_topic)
        if form_topic and topic != form_topic and requested in read(topic=form_topic, keep_unreadable=False):
            topic = form_topic  # it answers the question asked, even if it sounds like another subject
        facts = read(topic=topic)
        events = [SlotSet(name, value) for name, value in facts.items()]
        if topic and topic != tracker.get_slot("topic"):
            events.append(SlotSet("topic", topic))
        return events
