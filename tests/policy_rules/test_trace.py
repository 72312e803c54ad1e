"""A complete "why?": the trace names every parameter and every fact a decision read."""

from __future__ import annotations

import pytest

import policy_rules
from policy_rules.engine import Evaluation
from tests.policy_rules.test_cases import CASES

DECIDED = [param for param in CASES if "outcome" in param.values[1]]


@pytest.mark.parametrize(("rule_id", "case"), DECIDED)
def test_every_parameter_and_fact_read_is_in_the_trace(rule_id, case, monkeypatch):
    read_parameters, read_facts = set(), set()
    original_param, original_fact = Evaluation.param, Evaluation._record_fact

    def param(self, name, on=None):
        read_parameters.add(name)
        return original_param(self, name, on)

    def record_fact(self, name, value):
        read_facts.add(name)
        return original_fact(self, name, value)

    monkeypatch.setattr(Evaluation, "param", param)
    monkeypatch.setattr(Evaluation, "_record_fact", record_fact)
    decision = policy_rules.evaluate(rule_id, case["inputs"], as_of=case.get("as_of"))
    traced_parameters = {name for step in decision.trace for name in step.parameters}
    traced_facts = {name for step in decision.trace for name in step.inputs}
    assert read_parameters <= traced_parameters
    assert read_facts <= traced_facts
