"""The fact extraction Rasa runs on every message, with real trackers."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.extract_facts import TOPIC_OF_FACTS, ExtractCaseFacts
from actions.topics import TOPICS


def entity(label, value, text):
    start = text.index(value)
    return {"entity": label, "value": value, "start": start, "end": start + len(value)}


async def test_facts_given_up_front_fill_the_topic_slots(dispatcher, tracker_for, domain):
    text = "I missed 45 days, paid on 10 March 2025, when can I use it again?"
    tracker = tracker_for(
        text=text,
        intent="ask_waiting_period",
        entities=[entity("duration", "45 days", text), entity("date", "10 March 2025", text)],
    )
    events = await ExtractCaseFacts().run(dispatcher, tracker, domain)
    assert SlotSet("gap_days", 45) in events
    assert SlotSet("payment_date", "2025-03-10") in events
    assert SlotSet("topic", "waiting_period") in events


async def test_an_answer_to_the_question_asked_fills_that_fact(dispatcher, tracker_for, domain):
    tracker = tracker_for(
        {"topic": "retirement", "requested_slot": "required_years"},
        text="25",
        intent="inform",
        active_loop="retirement_form",
    )
    assert await ExtractCaseFacts().run(dispatcher, tracker, domain) == [SlotSet("required_years", 25.0)]


async def test_a_clicked_button_sets_its_fact(dispatcher, tracker_for, domain):
    tracker = tracker_for(
        {"topic": "duplicate_enrolment", "requested_slot": "enrolment_pair"},
        text='/inform{"enrolment_pair": "two_employee"}',
        intent="inform",
        entities=[{"entity": "enrolment_pair", "value": "two_employee"}],
        active_loop="duplicate_enrolment_form",
    )
    assert SlotSet("enrolment_pair", "two_employee") in await ExtractCaseFacts().run(dispatcher, tracker, domain)


async def test_a_question_on_another_subject_is_not_taken_as_the_answer(dispatcher, tracker_for, domain):
    tracker = tracker_for(
        {"topic": "waiting_period", "requested_slot": "gap_days"},
        text="what is the hotline?",
        intent="ask_service_channels",
        active_loop="waiting_period_form",
    )
    assert await ExtractCaseFacts().run(dispatcher, tracker, domain) == []


async def test_without_a_topic_nothing_is_guessed(dispatcher, tracker_for, domain):
    tracker = tracker_for(text="45 days", intent="inform")
    assert await ExtractCaseFacts().run(dispatcher, tracker, domain) == []


async def test_facts_stated_out_of_the_blue_open_the_topic_they_resemble(dispatcher, tracker_for, domain):
    text = "I missed 45 days of payments"
    tracker = tracker_for(text=text, intent="inform", entities=[entity("duration", "45 days", text)])
    tracker.latest_message["intent_ranking"] = [
        {"name": "inform", "confidence": 0.6},
        {"name": "ask_waiting_period", "confidence": 0.3},
    ]
    events = await ExtractCaseFacts().run(dispatcher, tracker, domain)
    assert SlotSet("gap_days", 45) in events and SlotSet("topic", "waiting_period") in events


async def test_an_answer_to_the_question_keeps_the_form_even_if_it_sounds_like_another_topic(
    dispatcher, tracker_for, domain
):
    text = "I'm paying it on my own"
    tracker = tracker_for(
        {"topic": "stop_insurance", "requested_slot": "stop_payer"},
        text=text,
        intent="ask_waiting_period",
        entities=[entity("payer", "on my own", text)],
        active_loop="stop_insurance_form",
    )
    assert await ExtractCaseFacts().run(dispatcher, tracker, domain) == [SlotSet("stop_payer", "individual")]


async def routed(dispatcher, tracker_for, domain, text, intent, cities=(), slots=None, active_loop=None):
    entities = [entity("city", city, text) for city in cities]
    tracker = tracker_for(slots or {}, text=text, intent=intent, entities=entities, active_loop=active_loop)
    events = await ExtractCaseFacts().run(dispatcher, tracker, domain)
    return next((event["value"] for event in events if event["name"] == "topic"), None)


@pytest.mark.parametrize(
    ("text", "intent", "cities"),
    [
        ("I had a gap between two jobs in Heyuan and Shenzhen, are my bills paid?", "ask_waiting_period", ()),
        ("I changed jobs and there was a gap of two months", "ask_waiting_period", ()),
        ("I quit in Heyuan and moved to Shenzhen, there was a gap", "inform", ("Heyuan", "Shenzhen")),
        ("我从河源换工作到深圳，中间断了两个月", "ask_waiting_period", ("河源", "深圳")),
        ("换工作期间断缴了一个月，看病能报吗", "ask_waiting_period", ()),
    ],
)
async def test_a_gap_between_jobs_in_two_places_is_the_transfer_gap_bills_question(
    dispatcher, tracker_for, domain, text, intent, cities
):
    assert await routed(dispatcher, tracker_for, domain, text, intent, cities) == "transfer_gap_bills"


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("I missed 45 days, when can I use my insurance again?", "ask_waiting_period", "waiting_period"),
        ("我断缴了3个月，什么时候能用", "ask_waiting_period", "waiting_period"),
        ("我从3月到5月断缴了，什么时候能恢复", "ask_waiting_period", "waiting_period"),  # from a month to a month
        ("I missed payments from March to May, when are my benefits back?", "ask_waiting_period", "waiting_period"),
        ("I changed jobs, how do I move my insurance?", "ask_transfer", "transfer"),  # a move without a gap
        ("换工作了，中间断了两个月，医保怎么转", "ask_transfer", "transfer"),  # the intent is not ambiguous here
    ],
)
async def test_without_both_facts_the_intent_decides(dispatcher, tracker_for, domain, text, intent, topic):
    assert await routed(dispatcher, tracker_for, domain, text, intent) == topic


def test_the_routing_table_names_known_topics_and_signals():
    for _intents, signals, topic in TOPIC_OF_FACTS:
        assert topic in TOPICS and signals <= {"moved", "gap"}
