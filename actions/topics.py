"""Which intent opens which topic, which form gathers its facts, and which rule answers it.

Nothing here is a hand-kept list of topics: it follows from `policy_rules.RULES`.
A rule with at least one input the citizen is asked for is a *topic*, talked
through the form `<rule_id>_form` and opened by the intent `ask_<rule_id>`; a
rule without asked inputs is answered at once on the intent `ask_<rule_id>`.
"""

from __future__ import annotations

from dataclasses import dataclass

import policy_rules


@dataclass(frozen=True)
class Topic:
    rule_id: str  # the policy_rules rule that answers it; also the topic's name
    intent: str
    form: str


def intent_of(rule_id: str) -> str:
    return f"ask_{rule_id}"


def form_of(rule_id: str) -> str:
    return f"{rule_id}_form"


def has_questions(rule: policy_rules.Rule) -> bool:
    return any(spec.asked for spec in rule.inputs)


TOPICS: dict[str, Topic] = {
    rule.id: Topic(rule.id, intent_of(rule.id), form_of(rule.id))
    for rule in policy_rules.RULES.values()
    if has_questions(rule)
}
TOPIC_OF_INTENT = {topic.intent: topic.rule_id for topic in TOPICS.values()}
TOPIC_OF_FORM = {topic.form: topic.rule_id for topic in TOPICS.values()}

# Intents that ask for a direct answer without being named after its rule.
EXTRA_DIRECT_INTENTS = {
    "request_human": "service_channels",
}

# Questions answered without any fact of the citizen's case.
DIRECT_RULE_OF_INTENT = {
    **{intent_of(rule.id): rule.id for rule in policy_rules.RULES.values() if not has_questions(rule)},
    **EXTRA_DIRECT_INTENTS,
}

# Small talk: the response that answers it.
RESPONSE_OF_INTENT = {
    "greet": "utter_greet",
    "help": "utter_help",
    "out_of_scope": "utter_out_of_scope",
    "thank": "utter_welcome",
    "correct": "utter_how_to_correct",
    "switch_language": "utter_language_switched",
}
