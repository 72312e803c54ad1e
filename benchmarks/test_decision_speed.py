"""How long one decision takes (run with `make bench`; numbers go in the README, not in assertions)."""

from __future__ import annotations

import datetime as dt

import policy_rules

CASES = {
    "waiting_period": {"gap_days": 100, "payment_date": "2025-03-10"},
    "duplicate_enrolment": {"enrolment_pair": "employee_and_residents", "employee_years": 2},
    "transfer": {"has_receiving_employer": False, "old_enrolment_end_date": "2025-08-31"},
    "residents_refund": {"paid_scheme": "residents", "joined_before_benefit_period": True},
}


def test_waiting_period_decision(benchmark):
    decision = benchmark(policy_rules.evaluate, "waiting_period", CASES["waiting_period"], dt.date(2025, 5, 1))
    assert decision.facts["first_benefit_month"] == "2025-06"


def test_duplicate_enrolment_decision(benchmark):
    assert benchmark(policy_rules.evaluate, "duplicate_enrolment", CASES["duplicate_enrolment"]).outcome == (
        "keep_employee_enrolment"
    )


def test_transfer_decision(benchmark):
    assert benchmark(policy_rules.evaluate, "transfer", CASES["transfer"]).facts["payment_deadline"] == "2025-11-30"


def test_next_question(benchmark):
    assert benchmark(policy_rules.next_input, "residents_refund", {"paid_scheme": "residents"})[1] == (
        "joined_before_benefit_period"
    )
