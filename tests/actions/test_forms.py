"""The topic forms: they ask only what the rule needs and check each answer against the rule."""

from __future__ import annotations

import pytest

import policy_rules
from actions.forms import FORM_VALIDATIONS, MAX_FAILED_ANSWERS, RuleFormValidation
from actions.questions import QUESTION_ACTIONS
from actions.topics import TOPICS
from tests.conftest import texts

ValidateWaitingPeriodForm = FORM_VALIDATIONS["waiting_period"]
ValidateDuplicateEnrolmentForm = FORM_VALIDATIONS["duplicate_enrolment"]
ValidateTransferForm = FORM_VALIDATIONS["transfer"]


@pytest.mark.parametrize(
    ("form", "slots", "expected"),
    [
        (ValidateWaitingPeriodForm, {}, ["back_paid"]),
        (ValidateWaitingPeriodForm, {"back_paid": False}, ["back_paid"]),
        (ValidateWaitingPeriodForm, {"payment_date": "2026-03-01"}, ["payment_date", "gap_days"]),
        (ValidateWaitingPeriodForm, {"back_paid": True, "gap_days": 45}, ["back_paid", "gap_days", "payment_date"]),
        (ValidateDuplicateEnrolmentForm, {"enrolment_pair": "two_residents"}, ["enrolment_pair"]),
        (ValidateDuplicateEnrolmentForm, {"enrolment_pair": "two_employee"}, ["enrolment_pair", "stop_payer"]),
        (ValidateTransferForm, {"has_receiving_employer": True, "new_city": "Shenzhen"},
         ["has_receiving_employer", "new_city"]),
        # an unreadable value does not count as known
        (ValidateTransferForm, {"has_receiving_employer": "kind of"}, ["has_receiving_employer"]),
    ],
)
async def test_required_slots_follow_the_rule(form, slots, expected, dispatcher, tracker_for, domain):
    assert await form().required_slots([], dispatcher, tracker_for(slots), domain) == expected


def test_a_valid_answer_is_stored_in_its_checked_form(dispatcher, tracker_for, domain):
    result = ValidateWaitingPeriodForm().validate_gap_days("45", dispatcher, tracker_for({}), domain)
    assert result == {"gap_days": 45, "failed_attempts": 0}


def test_an_unknown_optional_fact_is_kept_as_unknown(dispatcher, tracker_for, domain):
    result = ValidateWaitingPeriodForm().validate_payment_date("unknown", dispatcher, tracker_for({}), domain)
    assert result["payment_date"] == "unknown"


def test_a_rejected_answer_is_explained_and_asked_again(dispatcher, tracker_for, domain):
    result = ValidateWaitingPeriodForm().validate_gap_days("quite a while", dispatcher, tracker_for({}), domain)
    assert result == {"gap_days": None, "failed_attempts": 1}
    assert "number of days" in texts(dispatcher)


def test_contradicting_facts_clear_the_fact_blamed(dispatcher, tracker_for, domain):
    tracker = tracker_for({"interruption_date": "2025-05-01"})
    result = ValidateWaitingPeriodForm().validate_payment_date("2025-04-01", dispatcher, tracker, domain)
    assert result["payment_date"] is None
    assert "before the interruption" in texts(dispatcher)


async def test_repeated_failures_stop_the_form(dispatcher, tracker_for, domain):
    tracker = tracker_for({"failed_attempts": MAX_FAILED_ANSWERS - 1})
    result = ValidateWaitingPeriodForm().validate_gap_days("no clue", dispatcher, tracker, domain)
    assert result["failed_attempts"] == MAX_FAILED_ANSWERS
    tracker.slots.update(result)
    assert await ValidateWaitingPeriodForm().required_slots([], dispatcher, tracker, domain) == []


def test_every_topic_has_a_form_validation_and_a_question_for_every_asked_input():
    forms = {cls.topic for cls in RuleFormValidation.__subclasses__()}
    assert forms == set(TOPICS)
    for topic in TOPICS:
        for spec in policy_rules.get_rule(topic).inputs:
            if spec.asked:
                assert spec.name in QUESTION_ACTIONS, f"no question for {spec.name}"


def test_the_domain_lists_every_form_slot_and_action(domain):
    for topic in TOPICS.values():
        declared = [spec.name for spec in policy_rules.get_rule(topic.rule_id).inputs]
        assert domain["forms"][topic.form]["required_slots"] == declared
        assert f"validate_{topic.form}" in domain["actions"]
    for fact in QUESTION_ACTIONS:
        assert f"action_ask_{fact}" in domain["actions"]
