"""Table-driven cases: every file in cases/ lists inputs and the expected outcome, question or error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import policy_rules
from policy_rules import errors, rules

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
        assert raised.value.message.strip()
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


def test_every_rule_has_cases():
    covered = {param.values[0] for param in CASES}
    assert covered == set(policy_rules.RULES)


def test_every_outcome_branch_is_exercised():
    """The case files include every outcome code the rule modules can return."""
    declared = set()
    for module in Path(rules.__file__).parent.glob("*.py"):
        declared |= set(re.findall(r'outcome="([a-z_]+)"', module.read_text()))
        declared |= set(re.findall(r'return "(benefits_[a-z_]+)"', module.read_text()))
    tested = {param.values[1].get("outcome") for param in CASES}
    assert declared <= tested, sorted(declared - tested)
