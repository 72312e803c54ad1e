"""The answer actions with real trackers: they render policy_rules decisions."""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, Restarted, SlotSet

from actions.answers import (
    AnswerCase,
    AnswerCorrection,
    AnswerDirect,
    AnswerGeneral,
    ExplainWhy,
    ShowAnswerPart,
    StartOver,
)
from tests.conftest import texts


async def test_a_complete_case_is_answered_in_one_short_message_with_the_month(dispatcher, tracker_for, domain):
    tracker = tracker_for({"topic": "waiting_period", "gap_days": 100, "payment_date": "2026-03-10"})
    events = await AnswerCase().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert "pays your benefits again from 1 June 2026" in message["text"]
    assert "Next step:" not in message["text"]  # already paid: nothing left to do
    assert "Sources:" not in message["text"] and "Good to know:" not in message["text"]
    assert [b["title"] for b in message["buttons"]] == ["Steps", "Sources", "Why?"]
    assert [b["payload"] for b in message["buttons"]] == ["/show_steps", "/show_sources", "/explain_why"]
    last = next(e for e in events if e["name"] == "last_answer")["value"]
    assert last == {
        "rule": "waiting_period",
        "facts": {"gap_days": 100, "payment_date": "2026-03-10"},
        "as_of": "2026-11-22",
        "general": False,
    }


async def test_arrears_still_to_pay_are_the_next_step(dispatcher, tracker_for, domain):
    tracker = tracker_for({"topic": "waiting_period", "gap_days": 100, "payment_date": "2026-12-10"})
    await AnswerCase().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert "If you pay in December 2026" in message["text"]
    assert "Next step: Pay all the arrears" in message["text"]


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
        ("ask_employee_insurance_eligibility", "Employees must join"),
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


WAITING = {"rule": "waiting_period", "facts": {"gap_days": 100, "payment_date": "2026-12-10"}, "as_of": "2026-11-22"}


async def test_a_question_for_everyone_gets_its_sources_at_once_and_only_why_on_request(
    dispatcher, tracker_for, domain
):
    await AnswerDirect().run(dispatcher, tracker_for(intent="ask_card_cash"), domain)
    [message] = dispatcher.messages
    assert "Next step" not in message["text"] and "Sources:" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/explain_why"]


async def test_sources_are_one_click_away(dispatcher, tracker_for, domain):
    await ShowAnswerPart().run(dispatcher, tracker_for({"last_answer": WAITING}, intent="show_sources"), domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("Sources:") and "How to operate the medical insurance online?" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/show_steps", "/explain_why"]


async def test_steps_show_every_step_and_note(dispatcher, tracker_for, domain):
    await ShowAnswerPart().run(dispatcher, tracker_for({"last_answer": WAITING}, intent="show_steps"), domain)
    [message] = dispatcher.messages
    assert "What to do:" in message["text"] and "1. Pay all the arrears" in message["text"]
    assert "Good to know:" in message["text"] and "Sources:" not in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/show_sources", "/explain_why"]


async def test_steps_in_chinese(dispatcher, tracker_for, domain):
    slots = {"last_answer": WAITING, "language": "zh"}
    await ShowAnswerPart().run(dispatcher, tracker_for(slots, intent="show_steps"), domain)
    assert "办理步骤：" in texts(dispatcher) and "温馨提示：" in texts(dispatcher)
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["政策依据", "为什么"]


async def test_steps_of_an_answer_that_has_none(dispatcher, tracker_for, domain):
    last = {"rule": "card_cash", "facts": {}, "as_of": "2026-11-22"}
    await ShowAnswerPart().run(dispatcher, tracker_for({"last_answer": last}, intent="show_steps"), domain)
    assert "nothing more to that answer" in texts(dispatcher)


async def test_steps_before_any_answer(dispatcher, tracker_for, domain):
    await ShowAnswerPart().run(dispatcher, tracker_for({}, intent="show_sources"), domain)
    assert "haven't given you an answer" in texts(dispatcher)


async def test_why_after_an_answer_offers_the_other_parts(dispatcher, tracker_for, domain):
    await ExplainWhy().run(dispatcher, tracker_for({"last_answer": WAITING}), domain)
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/show_steps", "/show_sources"]


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
    answer, offer = dispatcher.messages
    assert "from the month after the payment month" in answer["text"] and "Sources:" in answer["text"]
    assert "What to do:" not in answer["text"]  # the steps are one click away
    assert [b["payload"] for b in answer["buttons"]] == ["/show_steps", "/explain_why"]
    assert offer["buttons"] == [{"title": "Work out my case", "payload": '/ask_waiting_period{"question_kind": "own"}'}]
    last = {"rule": "waiting_period", "facts": {}, "as_of": "2026-11-22", "general": True}
    assert events == [SlotSet("last_answer", last), SlotSet("question_kind", "own")]


async def test_the_steps_of_a_general_answer_are_those_stated_for_everyone(dispatcher, tracker_for, domain):
    last = {"rule": "stop_insurance", "facts": {}, "as_of": "2026-11-22", "general": True}
    await ShowAnswerPart().run(dispatcher, tracker_for({"last_answer": last}, intent="show_steps"), domain)
    [message] = dispatcher.messages
    assert "What to do:" in message["text"] and "2. " in message["text"]


async def test_a_question_that_is_both_gets_the_rule_without_the_offer_as_the_form_follows(
    dispatcher, tracker_for, domain
):
    tracker = tracker_for({"question_kind": "both", "language": "zh"}, intent="ask_transfer")
    await AnswerGeneral().run(dispatcher, tracker, domain)
    [answer] = dispatcher.messages
    assert "累计计算" in answer["text"]
    assert "/ask_transfer" not in str(answer["buttons"])


async def test_a_general_question_whose_facts_name_another_topic_is_answered_for_that_topic(
    dispatcher, tracker_for, domain
):
    text = "who pays my bills during the gap when I move to another city?"
    tracker = tracker_for({"question_kind": "general"}, text=text, intent="ask_waiting_period")
    events = await AnswerGeneral().run(dispatcher, tracker, domain)
    _answer, offer = dispatcher.messages
    assert next(e for e in events if e["name"] == "last_answer")["value"]["rule"] == "transfer_gap_bills"
    assert offer["buttons"][0]["payload"] == '/ask_transfer_gap_bills{"question_kind": "own"}'


async def test_a_message_that_changes_no_fact_does_not_repeat_the_answer(dispatcher, tracker_for, domain):
    facts = {"withdrawal_situation": "retired_living_elsewhere"}
    last = {"rule": "account_withdrawal", "facts": facts, "as_of": "2026-11-22", "general": False}
    tracker = tracker_for({"topic": "account_withdrawal", **facts, "last_answer": last}, text="yes", intent="affirm")
    assert await AnswerCase().run(dispatcher, tracker, domain) == []
    assert "My answer above stays the same" in texts(dispatcher)


async def test_a_changed_fact_gives_the_new_answer(dispatcher, tracker_for, domain):
    last = {"rule": "waiting_period", "facts": {"gap_days": 100}, "as_of": "2026-11-22", "general": False}
    slots = {"topic": "waiting_period", "gap_days": 100, "payment_date": "2026-03-10", "last_answer": last}
    await AnswerCase().run(dispatcher, tracker_for(slots, text="on 10 March 2026", intent="inform"), domain)
    assert "from 1 June 2026" in texts(dispatcher)


@pytest.mark.parametrize("action", [ShowAnswerPart(), ExplainWhy()])
async def test_a_part_asked_for_before_any_answer_takes_up_the_topic_the_message_resembles(
    dispatcher, tracker_for, domain, action
):
    tracker = tracker_for({"topic": "duplicate_enrolment"}, text="我交了两份医保怎么办", intent="show_steps")
    assert await action.run(dispatcher, tracker, domain) == [FollowupAction("duplicate_enrolment_form")]


async def test_a_correction_with_the_right_fact_updates_the_answer(dispatcher, tracker_for, domain):
    last = {"rule": "waiting_period", "facts": {"gap_days": 45, "payment_date": "2025-03-10"}, "as_of": "2026-11-22"}
    slots = {"topic": "waiting_period", "gap_days": 100, "payment_date": "2025-03-10", "last_answer": last}
    tracker = tracker_for(slots, text="sorry, it was actually 100 days", intent="correct")
    await AnswerCorrection().run(dispatcher, tracker, domain)
    assert "from 1 June 2025" in texts(dispatcher)


async def test_a_correction_without_a_new_fact_is_told_how_to_correct(dispatcher, tracker_for, domain):
    facts = {"gap_days": 45, "payment_date": "2025-03-10"}
    last = {"rule": "waiting_period", "facts": facts, "as_of": "2026-11-22", "general": False}
    tracker = tracker_for(
        {"topic": "waiting_period", **facts, "last_answer": last}, text="that's wrong", intent="correct"
    )
    assert await AnswerCorrection().run(dispatcher, tracker, domain) == []
    assert [message["response"] for message in dispatcher.messages] == ["utter_how_to_correct"]
