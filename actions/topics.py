"""Which intent opens which topic, which form gathers its facts, and which rule answers it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    rule_id: str  # the policy_rules rule that answers it; also the topic's name
    intent: str
    form: str


TOPICS = {
    topic.rule_id: topic
    for topic in (
        Topic("waiting_period", "ask_waiting_period", "waiting_period_form"),
        Topic("duplicate_enrolment", "ask_duplicate_enrolment", "duplicate_enrolment_form"),
        Topic("stop_insurance", "ask_stop_insurance", "stop_insurance_form"),
        Topic("residents_refund", "ask_refund", "residents_refund_form"),
        Topic("transfer", "ask_transfer", "transfer_form"),
        Topic("account_withdrawal", "ask_account_withdrawal", "account_withdrawal_form"),
        Topic("retirement", "ask_retirement", "retirement_form"),
    )
}
TOPIC_OF_INTENT = {topic.intent: topic.rule_id for topic in TOPICS.values()}
TOPIC_OF_FORM = {topic.form: topic.rule_id for topic in TOPICS.values()}

# Questions answered without any fact of the citizen's case.
DIRECT_RULE_OF_INTENT = {
    "ask_duplicate_definition": "duplicate_definition",
    "ask_pay_again": "pay_again",
    "ask_eligibility": "employee_insurance_eligibility",
    "ask_card_cash": "card_cash",
    "ask_card_family": "card_family_use",
    "ask_not_covered": "not_covered",
    "ask_account_rules": "personal_account_rules",
    "ask_contact": "service_channels",
    "request_human": "service_channels",
}

# Small talk: the response that answers it.
RESPONSE_OF_INTENT = {
    "greet": "utter_greet",
    "help": "utter_help",
    "out_of_scope": "utter_out_of_scope",
    "thank": "utter_welcome",
    "correct": "utter_how_to_correct",
}
