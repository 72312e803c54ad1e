"""The fact extraction Rasa runs on every message, with real trackers."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.extract_facts import ExtractCaseFacts


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
