"""Table-driven cases: every file in cases/ lists inputs and the expected outcome, question or error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import policy_rules
from policy_rules import errors
from text_catalogue import LANGUAGES
from text_catalogue.decisions import error_text

CASES_DIR = Path(__file__).with_name("cases")


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            for table in yaml.safe_load_all(handle):
                for case in table["cases"]:
                    yield pytest.param(table["rule"], case, id=f"{table['rule']}: {case['name']}")


CASES = list(_load_cases())


@pytest.mark.parametrize(("rule_id", "case"), CASES)
def test_case(rule_id, case):
    inputs, as_of = case["inputs"], case.get("as_of")
    if "error" in case:
        with pytest.raises(getattr(errors, case["error"])) as raised:
            policy_rules.evaluate(rule_id, inputs, as_of=as_of)
        assert raised.value.input_name == case["error_input"]
        assert raised.value.code == case.get("error_code", raised.value.code)
        assert all(error_text(language, raised.value).strip() for language in LANGUAGES)
        return
    if "asks" in case:
        _needed, next_question = policy_rules.next_input(rule_id, inputs)
        assert next_question == case["asks"]
        return
    decision = policy_rules.evaluate(rule_id, inputs, as_of=as_of)
    assert decision.outcome == case["outcome"]
    assert decision.refer_to_bureau == case.get("refer_to_bureau", False)
    for key, expected in case.get("facts", {}).items():
        assert decision.facts[key] == expected, key
    # Optional, for a fact the citizen does not know: each case (its `when` key) and the outcome it leads to.
    if "branches" in case:
        branches = [{"when": branch.when.key, "outcome": branch.decision.outcome} for branch in decision.branches]
        assert branches == [{"when": b["when"], "outcome": b["outcome"]} for b in case["branches"]]
        for branch, expected in zip(decision.branches, case["branches"], strict=True):
            for key, value in expected.get("when_params", {}).items():
                assert branch.when.params[key] == value, key
            for key, value in expected.get("facts", {}).items():
                assert branch.decision.facts[key] == value, key
    # Optional: statement keys the answer, steps or notes must (or must not) contain.
    for part in ("answer", "steps", "notes"):
        keys = [statement.key for statement in getattr(decision, part)]
        for key in case.get(f"{part}_says", []):
            assert key in keys, (part, key, keys)
        for key in case.get(f"{part}_does_not_say", []):
            assert key not in keys, (part, key, keys)


def test_every_rule_has_cases():
    covered = {param.values[0] for param in CASES}
    assert covered == set(policy_rules.RULES)


@pytest.mark.parametrize("rule_id", sorted(policy_rules.RULES))
def test_every_outcome_of_every_rule_is_exercised(rule_id):
    """Each rule declares its outcomes (reaching any other is an error); the cases reach every one."""
    tested = {case.get("outcome") for rule, case in (param.values for param in CASES) if rule == rule_id}
    assert set(policy_rules.RULES[rule_id].possible_outcomes) <= tested
