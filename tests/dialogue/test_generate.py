"""What the generator derives from the declaration: topics, forms, questions with their buttons, and the
variations per language once the catalogue has more than one."""

from __future__ import annotations

import dataclasses

import pytest
from rasa_sdk.executor import CollectingDispatcher

import policy_rules
import text_catalogue as catalogue
from actions.forms import ValidateStopInsuranceForm
from actions.topics import DIRECT_RULE_OF_INTENT, TOPICS
from dialogue import generate
from tests.conftest import make_tracker


def test_a_rule_with_asked_inputs_is_a_topic_with_a_form_and_the_others_are_answered_directly():
    for rule in policy_rules.RULES.values():
        asked = any(spec.asked for spec in rule.inputs)
        assert (rule.id in TOPICS) == asked
        assert (f"ask_{rule.id}" in DIRECT_RULE_OF_INTENT) == (not asked)
    assert DIRECT_RULE_OF_INTENT["request_human"] == "service_channels"


def test_every_form_lists_every_input_of_its_rule_the_first_asked_first():
    forms = generate.domain()["forms"]
    assert set(forms) == {topic.form for topic in TOPICS.values()}
    for topic in TOPICS.values():
        slots = forms[topic.form]["required_slots"]
        assert sorted(slots) == sorted(spec.name for spec in policy_rules.get_rule(topic.rule_id).inputs)
        assert slots[0] == policy_rules.next_input(topic.rule_id, {})[1]


def test_every_form_has_its_seven_rules_with_the_same_side_intents():
    rules = generate.rules()["rules"]
    side_lists = []
    for topic in TOPICS.values():
        own = [
            rule
            for rule in rules
            if {"active_loop": topic.form} in rule.get("condition", []) or rule["steps"][0] == {"intent": topic.intent}
        ]
        assert len(own) == 7  # opened for the own case, general, both; answer; side question; why; a part
        assert any({"action": "action_show_answer_part"} in rule["steps"] for rule in own)  # "steps", "sources"
        side = next(rule for rule in own if {"action": "action_answer_direct"} in rule["steps"])
        side_lists.append([choice["intent"] for choice in side["steps"][0]["or"]])
    assert all(side == side_lists[0] for side in side_lists)
    assert set(side_lists[0]) >= set(generate.direct_intents())


def test_a_topic_asked_in_general_is_answered_without_its_form_and_asked_both_with_it():
    rules = generate.rules()["rules"]
    for topic in TOPICS.values():
        opening = {
            rule["steps"][1]["slot_was_set"][0]["question_kind"]: [step.get("action") for step in rule["steps"][2:]]
            for rule in rules
            if rule["steps"][0] == {"intent": topic.intent}
        }
        assert opening == {
            "own": [topic.form, None],
            "general": ["action_answer_general", None],
            "both": ["action_answer_general", None, topic.form, None],
        }


def test_questions_are_responses_with_buttons_whose_payloads_follow_from_the_input():
    responses = generate.domain()["responses"]
    asked = {spec.name for rule in policy_rules.RULES.values() for spec in rule.inputs if spec.asked}
    assert {name.removeprefix("utter_ask_") for name in responses if name.startswith("utter_ask_")} == asked
    payloads = {b["title"]: b["payload"] for b in responses["utter_ask_back_paid"][0]["buttons"]}
    assert sorted(payloads.values()) == ["/affirm", "/deny", "/dont_know"]
    pair = [b["payload"] for b in responses["utter_ask_enrolment_pair"][0]["buttons"]]
    assert pair[0] == '/inform{"enrolment_pair": "two_employee"}'
    assert [b["payload"] for b in responses["utter_ask_required_years"][0]["buttons"]] == ["/dont_know"]
    assert [b["payload"] for b in responses["utter_ask_gap_days"][0]["buttons"]] == ["/dont_know"]


def test_every_question_in_every_language_has_a_not_sure_button():
    for name in generate.asked_facts():
        for variation in generate.domain()["responses"][f"utter_ask_{name}"]:
            assert variation["buttons"][-1]["payload"] == "/dont_know", name


def test_a_button_the_rules_cannot_accept_is_refused():
    with pytest.raises(ValueError, match="not one of the choices"):
        generate.question_payload("enrolment_pair", "three_employee")
    with pytest.raises(ValueError, match="not sure"):
        generate.question_payload("new_city", "unknown")  # never asked: no question, so no button
    with pytest.raises(ValueError, match="not yes/no"):
        generate.question_payload("stop_payer", "yes")


def test_the_domain_responses_keep_their_intent_buttons():
    greet = generate.domain()["responses"]["utter_greet"]
    english = greet[-1]  # the unconditioned default comes last
    assert "condition" not in english
    # a topic's button asks about the citizen's own case, even after a general question
    own_case = '/ask_residents_refund{"question_kind": "own"}'
    assert {"title": "Refund of residents' insurance", "payload": own_case} in english["buttons"]


def test_the_generated_files_say_they_are_generated_and_how():
    for text in generate.files().values():
        assert text.startswith("# Generated by `make generate` (dialogue/generate.py)")


@pytest.fixture
def second_language(monkeypatch):
    """A made-up second catalogue: the English one with every text marked."""
    english = catalogue.messages("en")
    marked = {key: f"[zh] {text}" for key, text in english.items()}
    monkeypatch.setattr(catalogue, "LANGUAGES", ("en", "zh"))
    monkeypatch.setattr(catalogue, "messages", lambda language: english if language == "en" else marked)


def test_with_two_languages_every_response_has_a_variation_per_language(second_language):
    domain = generate.domain()
    for name, variations in domain["responses"].items():
        assert len(variations) == 2, name
        chinese, english = variations
        assert chinese["condition"] == [{"type": "slot", "name": "language", "value": "zh"}]
        assert chinese["text"].startswith("[zh] ") and "condition" not in english
        assert [b["payload"] for b in chinese.get("buttons", [])] == [b["payload"] for b in english.get("buttons", [])]
    assert domain["slots"]["language"] == {
        "type": "text",
        "influence_conversation": False,
        "mappings": [{"type": "from_entity", "entity": "language"}],
    }
    assert "language" in domain["entities"]


def test_with_one_language_there_is_no_language_slot(monkeypatch):
    monkeypatch.setattr(catalogue, "LANGUAGES", ("en",))
    domain = generate.domain()
    assert all(len(variations) == 1 for variations in domain["responses"].values())
    assert "language" not in domain["slots"] and "language" not in domain["entities"]


def test_a_new_yes_no_fact_on_a_topic_needs_only_the_rule_and_its_question(monkeypatch):
    """The issue's yardstick: declare the input and word its question; the plumbing follows."""
    rule = policy_rules.RULES["stop_insurance"]
    fact = dataclasses.replace(rule.inputs[0], name="moved_abroad", kind="bool", choices=())
    monkeypatch.setitem(policy_rules.RULES, rule.id, dataclasses.replace(rule, inputs=(*rule.inputs, fact)))
    english = {
        **catalogue.messages("en"),
        "question.moved_abroad.text": "Have you moved abroad?",
        "question.moved_abroad.buttons.yes": "Yes",
        "question.moved_abroad.buttons.no": "No",
    }
    monkeypatch.setattr(catalogue, "messages", lambda language: english)
    monkeypatch.setattr(catalogue, "LANGUAGES", ("en",))

    domain = generate.domain()
    assert domain["slots"]["moved_abroad"] == generate.fact_slot()
    assert domain["forms"]["stop_insurance_form"]["required_slots"] == ["stop_payer", "moved_abroad"]
    assert domain["responses"]["utter_ask_moved_abroad"] == [
        {
            "text": "Have you moved abroad?",
            "buttons": [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}],
        }
    ]
    checked = ValidateStopInsuranceForm().validate_fact("moved_abroad", "yes", CollectingDispatcher(), make_tracker())
    assert checked == {"moved_abroad": True, "failed_attempts": 0}
