"""Not sure: every asked fact may be unknown; the rule answers for each case and says how to find the fact out."""

from __future__ import annotations

import datetime as dt

import pytest

import policy_rules
from tests.policy_rules.test_cli import run_cli
from text_catalogue import LANGUAGES, say
from text_catalogue.decisions import answer_text
from text_catalogue.formats import date_text

PER_CASE = [(rule.id, name) for rule in policy_rules.RULES.values() for name in rule.answered_per_case]


@pytest.mark.parametrize(("rule_id", "name"), PER_CASE)
def test_every_asked_fact_that_is_not_optional_has_cases_and_a_way_to_find_it_out(rule_id, name):
    rule = policy_rules.RULES[rule_id]
    assert name in rule.find_out
    assert rule.input(name).kind in ("bool", "choice") or name in rule.unknown_cases


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_per_case_answer_is_a_lead_and_one_line_per_case(language):
    decision = policy_rules.evaluate(
        "transfer_gap_bills", {"old_enrolment_end_date": "unknown", "payment_resumed_date": "2025-11-30"}
    )
    lead, *lines = answer_text(language, decision).split("\n")
    assert lead == say(language, "says.depends_on.old_enrolment_end_date")
    assert len(lines) == 2 and all(line.startswith("- ") for line in lines)
    assert all(date_text(language, dt.date(2025, 8, 30)) in line for line in lines)


def test_a_case_that_depends_on_another_unknown_fact_is_indented_under_it():
    decision = policy_rules.evaluate(
        "waiting_period", {"back_paid": "unknown", "gap_days": "unknown", "payment_date": "unknown"}
    )
    lines = answer_text("en", decision).split("\n")
    assert lines[1].startswith("- If you pay them: It depends on how long")
    assert [line[:4] for line in lines[2:5]] == ["  - "] * 3
    assert lines[5].startswith("- If you do not pay them: ")


def test_a_range_case_names_no_figure_that_only_stands_for_the_range():
    decision = policy_rules.evaluate(
        "waiting_period", {"back_paid": "yes", "gap_days": "unknown", "payment_date": "2025-03-10"}
    )
    text = answer_text("en", decision)
    assert "after 60 days" not in text and "181" not in text
    assert "If it was 61 to 180 days: the pooled fund pays again from 3 months after" in text


def test_the_branches_are_in_the_json_of_a_decision():
    branches = policy_rules.evaluate("stop_insurance", {"stop_payer": "unknown"}).to_dict()["branches"]
    assert [branch["decision"]["outcome"] for branch in branches] == [
        "stop_as_individual_payer",
        "stop_through_employer",
    ]


def test_the_command_line_says_a_per_case_answer_in_chinese():
    result = run_cli(
        "--language", "zh", "transfer", "--has-receiving-employer", "unknown", "--old-enrolment-end-date", "2025-05-15"
    )
    assert result.returncode == 0, result.stderr
    assert "要看新参保地有没有接收单位为您参保：" in result.stdout
    assert "- 如果没有接收单位：" in result.stdout and "2025年8月15日" in result.stdout


def test_a_month_only_date_read_as_its_safe_day_is_said():
    decision = policy_rules.evaluate("transfer", {"has_receiving_employer": "no", "old_enrolment_end_date": "2025-05"})
    assert decision.facts["payment_deadline"] == "2025-08-01"
    note = decision.notes[-1]
    assert note.key == "reading.month_as_day" and note.params["day"] == dt.date(2025, 5, 1)
    assert "transfer.month_only_date" in decision.rules_fired
