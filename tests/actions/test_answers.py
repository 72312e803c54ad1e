"""The answer actions with real trackers: they render policy_rules decisions."""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, Restarted, SlotSet

from actions.answers import AnswerCase, AnswerDirect, AnswerGeneral, ExplainWhy, StartOver
from tests.conftest import texts


async def test_a_complete_case_is_answered_with_the_month_and_sources(dispatcher, tracker_for, domain):
    tracker = tracker_for({"topic": "waiting_period", "gap_days": 100, "payment_date": "2026-03-10"})
    events = await AnswerCase().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert "pays your benefits again from 1 June 2026" in said
    assert "Sources:" in said and "How to operate the medical insurance online?" in said
    last = next(e for e in events if e["name"] == "last_answer")["value"]
    assert last == {
        "rule": "waiting_period",
        "facts": {"gap_days": 100, "payment_date": "2026-03-10"},
        "as_of": "2026-11-22",
    }


async def test_an_incomplete_case_goes_back_to_the_form(dispatcher, tracker_for, domain):
    events = await AnswerCase().run(dispatcher, tracker_for({"topic": "transfer"}), domain)
    assert events == [FollowupAction("transfer_form")]
    assert dispatcher.messages == []


async def test_a_corrected_fact_the_rule_refuses_is_explained_and_asked_again(dispatcher, tracker_for, domain):
    tracker = tracker_for({"topic": "waiting_period", "gap_days": -4})
    events = await AnswerCase().run(dispatcher, tracker, domain)
    assert "cannot be negative" in texts(dispatcher)
    assert SlotSet("gap_days", None) in events and FollowupAction("waiting_period_form") in events


async def test_after_repeated_failures_the_citizen_is_offered_a_way_out(dispatcher, tracker_for, domain):
    tracker = tracker_for({"topic": "waiting_period", "back_paid": True, "failed_attempts": 3})
    events = await AnswerCase().run(dispatcher, tracker, domain)
    assert "start over" in texts(dispatcher)
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/start_over", "/request_human"]
    assert events == [SlotSet("failed_attempts", 0)]


async def test_no_topic_yet_shows_what_can_be_asked(dispatcher, tracker_for, domain):
    await AnswerCase().run(dispatcher, tracker_for({}), domain)
    assert dispatcher.messages[0]["response"] == "utter_help"


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("ask_card_cash", "strictly forbidden"),
        ("ask_service_channels", "12333"),
        ("request_human", "12333"),
        ("ask_employee_insurance_eligibility", "Article 23"),
        ("ask_pay_again", "cannot be paid again"),
    ],
)
async def test_direct_questions_are_answered_from_their_rule(dispatcher, tracker_for, domain, intent, expected):
    await AnswerDirect().run(dispatcher, tracker_for(intent=intent), domain)
    assert expected in texts(dispatcher)


async def test_small_talk_gets_its_response(dispatcher, tracker_for, domain):
    await AnswerDirect().run(dispatcher, tracker_for(intent="correct"), domain)
    assert dispatcher.messages[0]["response"] == "utter_how_to_correct"


async def test_why_after_an_answer_shows_the_trace(dispatcher, tracker_for, domain):
    last = {"rule": "waiting_period", "facts": {"gap_days": 61, "payment_date": "2025-03-10"}, "as_of": "2026-11-22"}
    await ExplainWhy().run(dispatcher, tracker_for({"last_answer": last}), domain)
    said = texts(dispatcher)
    assert "How I reached this answer" in said and "days without benefits = 61" in said


async def test_why_during_a_form_says_what_the_question_is_for(dispatcher, tracker_for, domain):
    tracker = tracker_for(
        {"topic": "transfer", "requested_slot": "has_receiving_employer"}, active_loop="transfer_form"
    )
    await ExplainWhy().run(dispatcher, tracker, domain)
    assert "whether an employer at the new place will enrol you" in texts(dispatcher)


async def test_why_before_any_answer(dispatcher, tracker_for, domain):
    await ExplainWhy().run(dispatcher, tracker_for({}), domain)
    assert "haven't given you an answer" in texts(dispatcher)


async def test_start_over_forgets_the_case_but_not_the_language(dispatcher, tracker_for, domain):
    events = await StartOver().run(dispatcher, tracker_for({"topic": "transfer", "language": "zh"}), domain)
    assert events == [Restarted(), SlotSet("language", "zh")]
    assert "重新开始" in texts(dispatcher)


async def test_a_general_question_gets_the_rule_with_its_sources_and_an_offer_to_work_out_the_case(
    dispatcher, tracker_for, domain
):
    tracker = tracker_for({"question_kind": "general"}, intent="ask_waiting_period")
    events = await AnswerGeneral().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert "from the month after the payment month" in said and "Sources:" in said
    offer = dispatcher.messages[-1]["buttons"]
    assert offer == [{"title": "Work out my case", "payload": '/ask_waiting_period{"question_kind": "own"}'}]
    assert events == [SlotSet("question_kind", "own")]


async def test_a_question_that_is_both_gets_the_rule_without_the_offer_as_the_form_follows(
    dispatcher, tracker_for, domain
):
    tracker = tracker_for({"question_kind": "both", "language": "zh"}, intent="ask_transfer")
    await AnswerGeneral().run(dispatcher, tracker, domain)
    assert "累计计算" in texts(dispatcher)
    assert not any(message.get("buttons") for message in dispatcher.messages)
