"""General statements: every topic states its rule for everyone, without asking or reading a fact."""

from __future__ import annotations

import datetime as dt

import pytest

import policy_rules
from policy_rules.engine import GENERAL_OUTCOME
from text_catalogue import LANGUAGES
from text_catalogue.decisions import decision_text

TOPIC_RULES = sorted(rule.id for rule in policy_rules.RULES.values() if any(spec.asked for spec in rule.inputs))

# What each general statement must say: the statement that carries the rule's general answer.
LEADS = {
    "waiting_period": "waiting_period.general",
    "duplicate_enrolment": "duplicate.general_employee_kept",
    "stop_insurance": "stop_insurance.through_employer",
    "residents_refund": "refund.general",
    "transfer": "transfer.what_moves",
    "transfer_gap_bills": "transfer.gap_bills_rule",
    "account_withdrawal": "personal_account.general_exceptions",
    "retirement": "retirement.years_met",
}


def test_every_topic_is_listed():
    assert sorted(LEADS) == TOPIC_RULES


@pytest.mark.parametrize("rule_id", TOPIC_RULES)
def test_every_topic_has_a_general_statement_that_reads_no_fact(rule_id):
    decision = policy_rules.get_rule(rule_id).general_statement(dt.date(2025, 6, 1))
    assert decision.outcome == GENERAL_OUTCOME
    assert LEADS[rule_id] in [statement.key for statement in decision.answer]
    assert decision.citations, "a general statement cites its sources"
    assert all(value is None for step in decision.trace for value in step.inputs.values()), "no fact is read"
    for language in LANGUAGES:
        assert decision_text(language, decision).strip()


def test_the_waiting_windows_come_from_the_parameters():
    decision = policy_rules.get_rule("waiting_period").general_statement()
    windows = next(s for s in decision.answer if s.key == "waiting_period.general")
    assert dict(windows.params) == {"short": 60, "medium": 180, "medium_delay": 3, "long_delay": 6}
    assert {c.section for c in decision.citations} >= {"provision_1", "provision_2", "provision_3", "provision_4"}


def test_a_rule_without_a_general_statement_says_so():
    with pytest.raises(ValueError):
        policy_rules.get_rule("card_cash").general_statement()
