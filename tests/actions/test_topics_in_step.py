"""The topic list (actions/topics.py), the domain's forms and data/rules_forms.yml written by hand
must say the same thing: a topic added in one place and forgotten in another fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import policy_rules
from actions.topics import TOPICS

ROOT = Path(__file__).resolve().parents[2]
FORM_RULES = yaml.safe_load((ROOT / "data" / "rules_forms.yml").read_text(encoding="utf-8"))["rules"]


def rules_of(form: str) -> list[dict]:
    return [rule for rule in FORM_RULES if any(step.get("action") == form for step in rule["steps"])]


@pytest.mark.parametrize("topic", TOPICS.values(), ids=list(TOPICS))
def test_the_form_asks_exactly_the_rule_inputs(topic, domain):
    declared = {spec.name for spec in policy_rules.get_rule(topic.rule_id).inputs}
    assert set(domain["forms"][topic.form]["required_slots"]) == declared
    assert f"validate_{topic.form}" in domain["actions"]


@pytest.mark.parametrize("topic", TOPICS.values(), ids=list(TOPICS))
def test_the_form_has_its_four_rules(topic):
    rules = rules_of(topic.form)
    opening = [rule for rule in rules if rule["steps"][0].get("intent") == topic.intent]
    answering = [rule for rule in rules if {"action": "action_answer_case"} in rule["steps"]]
    side_questions = [rule for rule in rules if {"action": "action_answer_direct"} in rule["steps"]]
    why = [rule for rule in rules if {"intent": "explain_why"} in rule["steps"]]
    assert (len(opening), len(answering), len(side_questions), len(why), len(rules)) == (1, 1, 1, 1, 4)


def test_every_form_accepts_the_same_side_questions():
    def side_intents(form: str) -> set[str]:
        rule = next(rule for rule in rules_of(form) if {"action": "action_answer_direct"} in rule["steps"])
        return {choice["intent"] for choice in rule["steps"][0]["or"]}

    forms = [topic.form for topic in TOPICS.values()]
    assert all(side_intents(form) == side_intents(forms[0]) for form in forms)
