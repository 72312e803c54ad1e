"""The fact extraction Rasa runs on every message, with real trackers."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa_sdk.events import SlotSet

from actions.extract_facts import TOPIC_OF_FACTS, ExtractCaseFacts, topic_of_facts
from actions.topics import TOPIC_OF_INTENT, TOPICS

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize(
    ("answered", "likelihood", "topic"),
    [(False, 0.08, "duplicate_enrolment"), (True, 0.08, None), (False, 0.03, None)],  # 0.03: a real "steps?"
)
async def test_steps_asked_for_before_any_answer_open_the_topic_the_message_resembles(
    dispatcher, tracker_for, domain, answered, likelihood, topic
):
    last = {"rule": "waiting_period", "facts": {}, "as_of": "2026-11-22", "general": True}
    tracker = tracker_for({"last_answer": last} if answered else {}, text="我交了两份医保怎么办", intent="show_steps")
    tracker.latest_message["intent_ranking"] = [
        {"name": "show_steps", "confidence": 0.82},
        {"name": "ask_duplicate_enrolment", "confidence": likelihood},
    ]
    events = await ExtractCaseFacts().run(dispatcher, tracker, domain)
    assert next((event["value"] for event in events if event["name"] == "topic"), None) == topic


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


@pytest.mark.parametrize(
    ("answer", "day"),
    [
        ("8月10号", "2025-08-10"),  # not the most recent 10 August (2026)
        ("10号", "2025-08-10"),
        ("the 10th", "2025-08-10"),
        ("August 31", "2025-08-31"),
        ("2026年8月10号", "2026-08-10"),  # a year written is kept
    ],
)
async def test_an_answer_to_which_day_of_a_month_is_read_in_that_month(dispatcher, tracker_for, domain, answer, day):
    slots = {"topic": "transfer_gap_bills", "requested_slot": "old_enrolment_end_date", "asked_month": "2025-08"}
    tracker = tracker_for(slots, text=answer, intent="inform", active_loop="transfer_gap_bills_form")
    assert SlotSet("old_enrolment_end_date", day) in await ExtractCaseFacts().run(dispatcher, tracker, domain)


async def routed(dispatcher, tracker_for, domain, text, intent, cities=(), slots=None, active_loop=None):
    entities = [entity("city", city, text) for city in cities]
    tracker = tracker_for(slots or {}, text=text, intent=intent, entities=entities, active_loop=active_loop)
    events = await ExtractCaseFacts().run(dispatcher, tracker, domain)
    return next((event["value"] for event in events if event["name"] == "topic"), None)


@pytest.mark.parametrize(
    ("text", "intent", "cities"),
    [
        ("I had a gap between two jobs in Heyuan and Shenzhen, are my bills paid?", "ask_waiting_period", ()),
        ("I moved to another city and there was a gap of two months", "ask_waiting_period", ()),
        ("I quit in Heyuan and moved to Shenzhen, there was a gap", "inform", ("Heyuan", "Shenzhen")),
        ("my old insurance ended and I only paid again in the new city 2 months later", "inform", ()),
        ("changed province for work and had no insurance for a month", "ask_duplicate_enrolment", ()),
        ("I was not insured while transferring my insurance", "nlu_fallback", ()),
        ("我从河源换工作到深圳，中间断了两个月", "ask_waiting_period", ("河源", "深圳")),
        ("去杭州入职前断了一个月医保", "ask_waiting_period", ("杭州",)),
        ("医保转移期间断缴了一个月，看病能报吗", "ask_waiting_period", ()),
    ],
)
async def test_a_gap_in_a_move_between_places_is_the_transfer_gap_bills_question(
    dispatcher, tracker_for, domain, text, intent, cities
):
    assert await routed(dispatcher, tracker_for, domain, text, intent, cities) == "transfer_gap_bills"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I stopped paying in May 2026 and paid back on 20 September 2026", "ask_transfer_gap_bills"),
        ("are my hospital bills from the months I missed paid once I pay the arrears?", "ask_transfer_gap_bills"),
        ("我5月停交了，9月补缴了，中间看病能报吗", "ask_transfer_gap_bills"),
        ("I changed jobs and there was a two month gap", "nlu_fallback"),  # a new employer alone is no transfer
        ("断了两个月医保", "nlu_fallback"),
    ],
)
async def test_a_gap_without_a_move_is_the_waiting_period_question(dispatcher, tracker_for, domain, text, intent):
    assert await routed(dispatcher, tracker_for, domain, text, intent) == "waiting_period"


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("I missed 45 days, when can I use my insurance again?", "ask_waiting_period", "waiting_period"),
        ("我断缴了3个月，什么时候能用", "ask_waiting_period", "waiting_period"),
        ("我从3月到5月断缴了，什么时候能恢复", "ask_waiting_period", "waiting_period"),  # from a month to a month
        ("I missed payments from March to May, when are my benefits back?", "ask_waiting_period", "waiting_period"),
        ("I changed jobs and there was a gap of two months", "ask_waiting_period", "waiting_period"),
        ("换工作中间没交医保，这段时间看病能报吗", "ask_transfer_gap_bills", "transfer_gap_bills"),
        ("I changed jobs, how do I move my insurance?", "ask_transfer", "transfer"),  # a move without a gap
        ("换工作了，中间断了两个月，医保怎么转", "ask_transfer", "transfer"),  # the intent is not ambiguous here
        ("I was insured twice after moving to Shenzhen", "ask_duplicate_enrolment", "duplicate_enrolment"),
        ("I changed jobs and said hello", "nlu_fallback", None),  # no gap, no move: nothing to route by
        ("I left my job in Beijing and I'm now in Chengdu, what do I do?", "nlu_fallback", "transfer"),
        ("residents and employee, employee for 3 years, how do I stop?", "ask_stop_insurance", "duplicate_enrolment"),
        ("how do I stop my residents insurance?", "ask_stop_insurance", "stop_insurance"),  # one enrolment named
        ("insured twice, help", "nlu_fallback", "duplicate_enrolment"),
        ("交重了医保", "nlu_fallback", "duplicate_enrolment"),
    ],
)
async def test_without_the_deciding_facts_the_intent_decides(dispatcher, tracker_for, domain, text, intent, topic):
    assert await routed(dispatcher, tracker_for, domain, text, intent) == topic


def test_the_routing_table_names_known_topics_and_signals():
    for route in TOPIC_OF_FACTS:
        assert route.topic in TOPICS and route.present | route.absent <= {"moved", "job_change", "gap", "insured_twice"}
        assert not route.present & route.absent


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_training_examples_agree_with_the_routing_by_facts(language):
    """An example labelled with a topic's intent whose facts route it to another topic is mislabelled, or the
    signals misread it: either way the classifier and the routing would pull apart."""
    examples = load_data(str(ROOT / "data" / "nlu" / language)).intent_examples
    disagreeing = [
        (example.get("intent"), example.get("text"))
        for example in examples
        if example.get("intent") in TOPIC_OF_INTENT
        and topic_of_facts(example.get("intent"), example.get("text"), example.get("entities") or [])
        not in (None, TOPIC_OF_INTENT[example.get("intent")])
    ]
    assert disagreeing == []
