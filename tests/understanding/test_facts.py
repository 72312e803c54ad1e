"""Whole messages to facts, through the entity finder the NLU pipeline uses (table: message, topic, asked -> facts)."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.facts import extract_facts
from understanding.spans import find_entities
from understanding.text import normalise_text

TODAY = dt.date(2026, 11, 22)


def facts_of(text, intent, topic, asked=None):
    text = normalise_text(text)  # what the NLU pipeline's first component does
    return extract_facts(text, intent, find_entities(text), topic, asked, TODAY)


CASES = [
    (
        "I missed 45 days, paid on 10 March 2025",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"gap_days": 45, "payment_date": "2025-03-10"},
    ),
    (
        "didn't pay my yibao for 3 months and paid it back in June",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"gap_days": 90, "payment_date": "2026-06", "back_paid": True},
    ),
    (
        "stopped paying on 1 Jan 2025 and paid everything back on 2025-04-15",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"interruption_date": "2025-01-01", "payment_date": "2025-04-15", "back_paid": True},
    ),
    (
        "my payments lapsed from March 2025, I paid the arrears on 20 June 2025",
        "inform",
        "waiting_period",
        None,
        {"interruption_date": "2025-03", "payment_date": "2025-06-20"},
    ),
    ("I haven't paid it back", "inform", "waiting_period", "back_paid", {"back_paid": False}),
    ("about two months", "inform", "waiting_period", "gap_days", {"gap_days": 60}),
    ("45", "inform", "waiting_period", "gap_days", {"gap_days": 45}),
    ("no idea", "dont_know", "waiting_period", "payment_date", {"payment_date": "unknown"}),
    ("last week", "inform", "waiting_period", "payment_date", {"payment_date": "2026-11-15"}),
    ("a while I guess", "inform", "waiting_period", "gap_days", {"gap_days": "a while I guess"}),
    ("it was 50 days actually", "inform", "waiting_period", "payment_date", {"gap_days": 50}),
    (
        "I'm moving to Shenzhen without a new employer",
        "ask_transfer",
        "transfer",
        None,
        {"new_city": "Shenzhen", "has_receiving_employer": False},
    ),
    (
        "moving from Guangzhou to Hangzhou for a new job",
        "ask_transfer",
        "transfer",
        None,
        {"new_city": "Hangzhou", "has_receiving_employer": True},
    ),
    (
        "my old insurance ended on 31 August 2026 and I started paying again on 15 October 2026",
        "ask_transfer_gap_bills",
        "transfer_gap_bills",
        None,
        {"old_enrolment_end_date": "2026-08-31", "payment_resumed_date": "2026-10-15"},
    ),
    (
        "I left Wuhan on 30 June 2026, then paid in Chengdu on 10 September 2026",
        "ask_transfer_gap_bills",
        "transfer_gap_bills",
        None,
        {"old_enrolment_end_date": "2026-06-30", "payment_resumed_date": "2026-09-10"},
    ),
    ("15 October 2026", "inform", "transfer_gap_bills", "payment_resumed_date", {"payment_resumed_date": "2026-10-15"}),
    (
        "31 August 2026",
        "inform",
        "transfer_gap_bills",
        "old_enrolment_end_date",
        {"old_enrolment_end_date": "2026-08-31"},
    ),
    (
        "I was insured twice after changing jobs",
        "ask_duplicate_enrolment",
        "duplicate_enrolment",
        None,
        {"enrolment_pair": "two_employee"},
    ),
    (
        "I have employee insurance for 2 years and also residents insurance",
        "ask_duplicate_enrolment",
        "duplicate_enrolment",
        None,
        {"enrolment_pair": "employee_and_residents", "employee_years": 2.0},
    ),
    (
        "I pay it myself as a flexible worker",
        "inform",
        "duplicate_enrolment",
        "stop_payer",
        {"stop_payer": "individual"},
    ),
    ("not my employer, I pay it myself", "ask_stop_insurance", "stop_insurance", None, {"stop_payer": "individual"}),
    ("I want to stop my insurance, what do I do?", "ask_stop_insurance", "stop_insurance", None, {}),  # no payer
    ("I'm insured twice, when do I pay?", "ask_duplicate_enrolment", "duplicate_enrolment", None, {}),
    ("I do", "inform", "stop_insurance", "stop_payer", {"stop_payer": "individual"}),  # the answer to "who pays?"
    ("planning to", "inform", "waiting_period", "back_paid", {"back_paid": True}),  # "or will you pay?"
    ("自己在支付宝交的", "inform", "stop_insurance", "stop_payer", {"stop_payer": "individual"}),  # "who pays?"
    ("me", "inform", "duplicate_enrolment", "stop_payer", {"stop_payer": "individual"}),
    ("从工资里扣的", "inform", "stop_insurance", "stop_payer", {"stop_payer": "employer"}),
    # "when?" answered without a date: not yet (the date that decides is then given), or just now
    ("还没交", "inform", "transfer_gap_bills", "payment_resumed_date", {"payment_resumed_date": "unknown"}),
    ("not yet", "inform", "waiting_period", "payment_date", {"payment_date": "unknown"}),
    ("刚交上", "inform", "transfer_gap_bills", "payment_resumed_date", {"payment_resumed_date": "2026-11-22"}),
    ("月底", "inform", "transfer", "old_enrolment_end_date", {"old_enrolment_end_date": "2026-11-30"}),
    ("end of the month", "inform", "transfer", "old_enrolment_end_date", {"old_enrolment_end_date": "2026-11-30"}),
    (  # a payer for each enrolment: neither is the one to stop
        "一个单位的一个自己交的居民",
        "inform",
        "duplicate_enrolment",
        "enrolment_pair",
        {"enrolment_pair": "employee_and_residents"},
    ),
    (
        "a company one and a residents one",
        "inform",
        "duplicate_enrolment",
        "enrolment_pair",
        {"enrolment_pair": "employee_and_residents"},
    ),
    ("it's deducted from my salary", "inform", "stop_insurance", "stop_payer", {"stop_payer": "employer"}),
    # 退休两年了: two years since retiring, not two years paid
    ("退休两年了", "inform", "retirement", "reached_retirement_age", {"reached_retirement_age": True}),
    ("还有两年退休", "inform", "retirement", "reached_retirement_age", {"reached_retirement_age": False}),
    (
        "I have paid 18 years and retire next year",
        "inform",
        "retirement",
        "reached_retirement_age",
        {"reached_retirement_age": False, "contribution_years": 18.0},
    ),
    ("I got my pension last year", "inform", "retirement", None, {"reached_retirement_age": True}),
    ("can't afford it", "inform", "waiting_period", "back_paid", {"back_paid": False}),
    ("我打算补", "inform", "waiting_period", "back_paid", {"back_paid": True}),
    ("补不起", "inform", "waiting_period", "back_paid", {"back_paid": False}),
    (
        "I paid residents' insurance and then got a job",
        "ask_residents_refund",
        "residents_refund",
        None,
        {"paid_scheme": "residents"},
    ),
    (
        "My father passed away",
        "ask_account_withdrawal",
        "account_withdrawal",
        None,
        {"withdrawal_situation": "insured_person_died"},
    ),
    ("can I withdraw the money in my personal account?", "ask_account_withdrawal", "account_withdrawal", None, {}),
    (
        "I'm retiring next month with 18 years of contributions",
        "ask_retirement",
        "retirement",
        None,
        {"reached_retirement_age": False, "contribution_years": 18.0},
    ),
    (
        "I'm retired, I paid 15 years and my city requires 20 years",
        "ask_retirement",
        "retirement",
        None,
        {"reached_retirement_age": True, "contribution_years": 15.0, "required_years": 20.0},
    ),
    ("25 years", "inform", "retirement", "required_years", {"required_years": 25.0}),
    ("what is the hotline?", "ask_service_channels", "waiting_period", "gap_days", {}),
    ("quite a while", "ask_waiting_period", "waiting_period", "gap_days", {"gap_days": "quite a while"}),
]


@pytest.mark.parametrize(("text", "intent", "topic", "asked", "expected"), CASES, ids=[case[0] for case in CASES])
def test_facts(text, intent, topic, asked, expected):
    assert facts_of(text, intent, topic, asked) == expected
