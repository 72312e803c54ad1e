"""Chinese basic medical insurance rules as code.

Pure Python: no clock, no I/O beyond the package's own parameter files. Callers
pass every fact, including the "as of" date, and get a `Decision` that carries
the answer, the steps, the citations and a trace of the rules that fired.

    >>> import datetime as dt
    >>> d = evaluate("waiting_period", {"gap_days": 100, "payment_date": "2025-03-10"})
    >>> d.outcome, d.facts["first_benefit_month"]
    ('benefits_after_three_months', '2025-06')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from policy_rules.engine import UNITS, Citation, Decision, Rule, Statement, TraceStep
from policy_rules.errors import InconsistentInputs, InvalidInput, MissingInput, PolicyInputError, UnknownRule
from policy_rules.inputs import UNKNOWN, InputSpec
from policy_rules.rules import (
    duplicate_enrolment,
    general,
    personal_account,
    refund,
    retirement,
    transfer,
    waiting_period,
)

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        waiting_period.RULE,
        duplicate_enrolment.DEFINITION,
        duplicate_enrolment.WHICH_TO_KEEP,
        duplicate_enrolment.HOW_TO_STOP,
        refund.RULE,
        refund.PAY_AGAIN,
        transfer.RULE,
        transfer.GAP_BILLS,
        personal_account.RULE,
        personal_account.ACCOUNT_RULES,
        retirement.RULE,
        general.ELIGIBILITY,
        general.CARD_CASH,
        general.CARD_FAMILY,
        general.EXCLUSIONS,
        general.CHANNELS,
        waiting_period.BACK_PAYMENT,
        transfer.SCHEME_SWITCH,
        transfer.YEARS_COMBINED,
    )
}


def get_rule(rule_id: str) -> Rule:
    try:
        return RULES[rule_id]
    except KeyError:
        raise UnknownRule("unknown_rule", None, rule=rule_id, known=sorted(RULES)) from None


def evaluate(rule_id: str, inputs: Mapping[str, Any], as_of: dt.date | None = None) -> Decision:
    """Decide one case. Raises a PolicyInputError subclass for input the rule cannot accept."""
    return get_rule(rule_id).evaluate(inputs, as_of)


def next_input(rule_id: str, inputs: Mapping[str, Any]) -> tuple[list[str], str | None]:
    """The inputs this case depends on so far, and the next one to ask (None when the case can be decided)."""
    return get_rule(rule_id).needed_inputs(inputs)


def check_input(rule_id: str, name: str, value: Any, known: Mapping[str, Any] | None = None) -> Any:
    """Coerce one value for `name`, checked together with the facts already known."""
    rule = get_rule(rule_id)
    others = {key: item for key, item in (known or {}).items() if key != name and item is not None}
    return rule.coerce_inputs({**others, name: value})[name]


__all__ = [
    "RULES",
    "UNITS",
    "UNKNOWN",
    "Citation",
    "Decision",
    "InconsistentInputs",
    "InputSpec",
    "InvalidInput",
    "MissingInput",
    "PolicyInputError",
    "Rule",
    "Statement",
    "TraceStep",
    "UnknownRule",
    "check_input",
    "evaluate",
    "get_rule",
    "next_input",
]
