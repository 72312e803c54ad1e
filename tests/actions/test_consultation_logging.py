"""What the actions write to the consultation log (the test run's own database)."""

from __future__ import annotations

from rasa_sdk.events import FollowupAction

from actions.answers import AnswerCase, AnswerDirect
from actions.unanswered import AnswerUnclear, LogUnanswered
from storage.consultation_log import consultation_log
from storage.report import build_report


def report():
    return build_report(consultation_log().engine, top=50)


async def test_an_answered_case_is_logged_with_its_topic_and_outcome(dispatcher, tracker_for, domain):
    before = report()
    tracker = tracker_for({"topic": "waiting_period", "gap_days": 100, "payment_date": "2026-03-10"})
    await AnswerCase().run(dispatcher, tracker, domain)
    after = report()
    assert after.answered == before.answered + 1
    assert dict(after.top_topics)["waiting_period"] == dict(before.top_topics).get("waiting_period", 0) + 1


async def test_a_direct_answer_is_logged_too(dispatcher, tracker_for, domain):
    before = report().answered
    await AnswerDirect().run(dispatcher, tracker_for(intent="ask_card_cash"), domain)
    assert report().answered == before + 1


async def test_an_unanswered_message_is_logged_masked_and_says_nothing(dispatcher, tracker_for, domain):
    tracker = tracker_for(text="my card 6222021234567894 was swallowed by a cash machine", intent="nlu_fallback")
    events = await LogUnanswered().run(dispatcher, tracker, domain)
    assert events == [] and dispatcher.messages == []  # the reply is utter_default, from the rule
    assert ("my card [bank card number] was swallowed by a cash machine", 1) in report().top_unanswered


async def test_an_unclear_message_whose_facts_name_the_case_is_answered_not_logged(dispatcher, tracker_for, domain):
    before = report().top_unanswered
    text = "I changed jobs and there was a two month gap"
    tracker = tracker_for({"topic": "waiting_period", "gap_days": 61}, text=text, intent="nlu_fallback")
    events = await AnswerUnclear().run(dispatcher, tracker, domain)
    assert events == [FollowupAction("waiting_period_form")]  # the payment date is still to ask
    assert dispatcher.messages == [] and report().top_unanswered == before


async def test_an_unclear_message_without_such_facts_is_logged_and_asked_again(dispatcher, tracker_for, domain):
    tracker = tracker_for(text="the thing with the stuff", intent="nlu_fallback")
    assert await AnswerUnclear().run(dispatcher, tracker, domain) == []
    [message] = dispatcher.messages
    assert message["response"] == "utter_default"
    assert ("the thing with the stuff", 1) in report().top_unanswered
