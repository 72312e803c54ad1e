"""The topic forms: they ask only what the rule needs and check each answer against the rule."""

from __future__ import annotations

import inspect

import pytest
from rasa_sdk.events import SlotSet

import actions.forms
import policy_rules
from actions.forms import (
    MAX_FAILED_ANSWERS,
    TopicFormValidation,
    ValidateAccountWithdrawalForm,
    ValidateDuplicateEnrolmentForm,
    ValidateResidentsRefundForm,
    ValidateRetirementForm,
    ValidateStopInsuranceForm,
    ValidateTransferForm,
    ValidateTransferGapBillsForm,
    ValidateWaitingPeriodForm,
)
from actions.topics import TOPICS
from tests.conftest import make_tracker, texts


@pytest.mark.parametrize(
    ("form", "slots", "expected"),
    [
        (ValidateWaitingPeriodForm, {}, ["back_paid"]),
        (ValidateWaitingPeriodForm, {"back_paid": False}, ["back_paid"]),
        (ValidateWaitingPeriodForm, {"payment_date": "2026-03-01"}, ["payment_date", "gap_days"]),
        (ValidateWaitingPeriodForm, {"back_paid": True, "gap_days": 45}, ["back_paid", "gap_days", "payment_date"]),
        (ValidateDuplicateEnrolmentForm, {"enrolment_pair": "two_residents"}, ["enrolment_pair"]),
        (ValidateDuplicateEnrolmentForm, {"enrolment_pair": "two_employee"}, ["enrolment_pair", "stop_payer"]),
        (
            ValidateTransferForm,
            {"has_receiving_employer": True, "new_city": "Shenzhen"},
            ["has_receiving_employer", "new_city"],
        ),
        # an unreadable value does not count as known
        (ValidateTransferForm, {"has_receiving_employer": "kind of"}, ["has_receiving_employer"]),
        (ValidateTransferGapBillsForm, {}, ["old_enrolment_end_date"]),
        (
            ValidateTransferGapBillsForm,
            {"old_enrolment_end_date": "2026-08-31"},
            ["old_enrolment_end_date", "payment_resumed_date"],
        ),
    ],
)
async def test_required_slots_follow_the_rule(form, slots, expected, dispatcher, tracker_for, domain):
    assert await form().required_slots([], dispatcher, tracker_for(slots), domain) == expected


def test_a_valid_answer_is_stored_in_its_checked_form(dispatcher, tracker_for, domain):
    result = ValidateWaitingPeriodForm().validate_fact("gap_days", "45", dispatcher, tracker_for({}))
    assert result == {"gap_days": 45, "failed_attempts": 0}


def test_an_unknown_optional_fact_is_kept_as_unknown(dispatcher, tracker_for, domain):
    result = ValidateWaitingPeriodForm().validate_fact("payment_date", "unknown", dispatcher, tracker_for({}))
    assert result["payment_date"] == "unknown"


NOT_OPTIONAL_QUESTIONS = [
    (cls, name)
    for cls in (
        ValidateWaitingPeriodForm,
        ValidateDuplicateEnrolmentForm,
        ValidateStopInsuranceForm,
        ValidateResidentsRefundForm,
        ValidateTransferForm,
        ValidateTransferGapBillsForm,
        ValidateAccountWithdrawalForm,
        ValidateRetirementForm,
    )
    for name in policy_rules.get_rule(cls.topic).answered_per_case
]


@pytest.mark.parametrize(("form", "name"), NOT_OPTIONAL_QUESTIONS, ids=lambda item: getattr(item, "topic", item))
def test_not_sure_is_accepted_for_every_question_that_is_not_optional(form, name, dispatcher, tracker_for, domain):
    result = form().validate_fact(name, "unknown", dispatcher, tracker_for({}))
    assert result == {name: "unknown", "failed_attempts": 0}
    assert not dispatcher.messages


@pytest.mark.parametrize(
    ("form", "slots", "expected"),
    [
        # not sure whether paid: the gap is still asked, for the case where it was paid
        (ValidateWaitingPeriodForm, {"back_paid": "unknown"}, ["back_paid", "gap_days"]),
        (
            ValidateWaitingPeriodForm,
            {"back_paid": True, "gap_days": "unknown"},
            ["back_paid", "gap_days", "payment_date"],
        ),
        (
            ValidateTransferGapBillsForm,
            {"old_enrolment_end_date": "unknown"},
            ["old_enrolment_end_date", "payment_resumed_date"],
        ),
        (
            ValidateRetirementForm,
            {"reached_retirement_age": "unknown"},
            ["reached_retirement_age", "contribution_years"],
        ),
    ],
)
async def test_after_not_sure_the_form_asks_what_the_other_cases_need(
    form, slots, expected, dispatcher, tracker_for, domain
):
    assert await form().required_slots([], dispatcher, tracker_for(slots), domain) == expected


def test_a_month_only_date_is_kept_as_a_month(dispatcher, tracker_for, domain):
    result = ValidateTransferGapBillsForm().validate_fact(
        "old_enrolment_end_date", "2025-08", dispatcher, tracker_for({})
    )
    assert result == {"old_enrolment_end_date": "2025-08", "failed_attempts": 0}


def test_a_month_whose_day_decides_the_answer_is_asked_again_and_the_other_answer_is_kept(
    dispatcher, tracker_for, domain
):
    tracker = tracker_for({"old_enrolment_end_date": "2025-08"})
    result = ValidateTransferGapBillsForm().validate_fact("payment_resumed_date", "2025-11-15", dispatcher, tracker)
    # the new payment date stays as given; the month is kept to read the day's answer in
    assert result == {"old_enrolment_end_date": None, "asked_month": "2025-08", "failed_attempts": 1}
    assert "which day of August 2025" in texts(dispatcher)


def test_the_exact_day_given_clears_the_month_kept_for_it(dispatcher, tracker_for, domain):
    tracker = tracker_for({"asked_month": "2025-08", "payment_resumed_date": "2025-11-15"})
    result = ValidateTransferGapBillsForm().validate_fact("old_enrolment_end_date", "2025-08-10", dispatcher, tracker)
    assert result == {"old_enrolment_end_date": "2025-08-10", "failed_attempts": 0, "asked_month": None}


def test_a_rough_gap_beside_dates_in_the_same_window_is_not_questioned(dispatcher, tracker_for, domain):
    tracker = tracker_for({"interruption_date": "2025-08-01", "payment_date": "2025-11-16"})
    result = ValidateWaitingPeriodForm().validate_fact("gap_days", 90, dispatcher, tracker)
    assert result == {"gap_days": 90, "failed_attempts": 0}
    assert not dispatcher.messages


def test_a_rough_gap_beside_dates_in_another_window_is_questioned(dispatcher, tracker_for, domain):
    tracker = tracker_for({"interruption_date": "2025-03-01", "payment_date": "2025-05-01"})
    result = ValidateWaitingPeriodForm().validate_fact("gap_days", 60, dispatcher, tracker)
    assert result["gap_days"] is None and result["failed_attempts"] == 1
    assert "61" in texts(dispatcher)


def test_a_rejected_answer_is_explained_and_asked_again(dispatcher, tracker_for, domain):
    result = ValidateWaitingPeriodForm().validate_fact("gap_days", "quite a while", dispatcher, tracker_for({}))
    assert result == {"gap_days": None, "failed_attempts": 1}
    assert "number of days" in texts(dispatcher)


def test_contradicting_facts_clear_the_fact_blamed(dispatcher, tracker_for, domain):
    tracker = tracker_for({"interruption_date": "2025-05-01"})
    result = ValidateWaitingPeriodForm().validate_fact("payment_date", "2025-04-01", dispatcher, tracker)
    assert result["payment_date"] is None
    assert "before the interruption" in texts(dispatcher)


async def test_repeated_failures_stop_the_form(dispatcher, tracker_for, domain):
    tracker = tracker_for({"failed_attempts": MAX_FAILED_ANSWERS - 1})
    result = ValidateWaitingPeriodForm().validate_fact("gap_days", "no clue", dispatcher, tracker)
    assert result["failed_attempts"] == MAX_FAILED_ANSWERS
    tracker.slots.update(result)
    assert await ValidateWaitingPeriodForm().required_slots([], dispatcher, tracker, domain) == []


def validation_classes() -> list[type]:
    return [
        cls
        for _name, cls in inspect.getmembers(actions.forms, inspect.isclass)
        if issubclass(cls, TopicFormValidation) and cls is not TopicFormValidation
    ]


def test_every_topic_has_exactly_one_validation_class_named_after_its_form():
    classes = validation_classes()
    assert sorted(cls.topic for cls in classes) == sorted(TOPICS)
    for cls in classes:
        assert cls().name() == f"validate_{cls.topic}_form"
    assert inspect.isabstract(TopicFormValidation)  # Rasa SDK registers the subclasses only


async def test_the_form_checks_each_new_value_of_a_fact_the_case_needs(dispatcher, domain):
    """Rasa SDK's validation hook: every slot of the rule through `validate_fact`, no method per slot."""
    tracker = make_tracker({"back_paid": True, "gap_days": "forty-ish"}, active_loop="waiting_period_form")
    tracker.events = [
        {"event": "slot", "name": "back_paid", "value": True},
        {"event": "slot", "name": "gap_days", "value": "forty-ish"},
    ]
    tracker.latest_action_name = "action_listen"
    events = await ValidateWaitingPeriodForm().get_validation_events(dispatcher, tracker, domain)
    assert SlotSet("back_paid", True) in events
    assert SlotSet("gap_days", None) in events and SlotSet("failed_attempts", 1) in events
    assert "number of days" in texts(dispatcher)


async def test_a_form_whose_topic_the_facts_moved_elsewhere_asks_nothing(dispatcher, tracker_for, domain):
    """ask_waiting_period opened the waiting-period form, but the facts made it the transfer gap-bills topic."""
    tracker = tracker_for({"topic": "transfer_gap_bills"})
    assert await ValidateWaitingPeriodForm().required_slots([], dispatcher, tracker, domain) == []


def test_facts_given_instead_of_the_answer_asked_for_are_acknowledged(dispatcher, tracker_for, domain):
    tracker = tracker_for({"requested_slot": "stop_payer"})
    form = ValidateDuplicateEnrolmentForm()
    form.acknowledge_facts_in_passing({"enrolment_pair": "two_employee", "failed_attempts": 0}, dispatcher, tracker)
    assert texts(dispatcher) == "Noted (your two enrolments: Two employee insurances)."


def test_an_answer_to_the_question_asked_needs_no_acknowledgement(dispatcher, tracker_for, domain):
    tracker = tracker_for({"requested_slot": "stop_payer", "language": "zh"})
    form = ValidateDuplicateEnrolmentForm()
    form.acknowledge_facts_in_passing({"stop_payer": "employer", "enrolment_pair": "two_employee"}, dispatcher, tracker)
    assert dispatcher.messages == []


def test_a_fact_the_form_does_not_ask_is_acknowledged_too(dispatcher, tracker_for, domain):
    tracker = tracker_for({"requested_slot": "has_receiving_employer", "language": "zh"})
    ValidateTransferForm().acknowledge_facts_in_passing({"new_city": "杭州"}, dispatcher, tracker)
    assert texts(dispatcher) == "好的，已记下（转入城市：杭州）。"
