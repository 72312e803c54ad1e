"""The first reply to a case fits a phone screen: the outcome and the one next step, nothing more.

Bound: 550 characters in English and 250 in Chinese (a phone shows about 500 English characters, or about half as
many Chinese ones, without scrolling; the English bound leaves 10% for the longest "ask the bureau" answers).
Measured on every decision of the case tables (tests/policy_rules/cases), so every rule is covered.
"""

from __future__ import annotations

import pytest

import policy_rules
from policy_rules.engine import DEPENDS_ON_FACT
from tests.policy_rules.test_cases import CASES
from text_catalogue import has, say
from text_catalogue.decisions import (
    SOURCES,
    STEPS,
    WHY,
    answer_part_text,
    answer_parts,
    answer_text,
    sentences,
    short_answer_text,
    sources_text,
)

MAX_CHARACTERS = {"en": 550, "zh": 250}

DECISION_CASES = [case for case in CASES if not {"error", "asks"} & set(case.values[1])]


def decision_of(rule_id: str, case: dict) -> policy_rules.Decision:
    return policy_rules.evaluate(rule_id, case["inputs"], as_of=case.get("as_of"))


def test_the_case_tables_cover_every_rule_with_a_decision():
    assert {case.values[0] for case in DECISION_CASES} == set(policy_rules.RULES)


@pytest.mark.parametrize("language", sorted(MAX_CHARACTERS))
@pytest.mark.parametrize(("rule_id", "case"), DECISION_CASES)
def test_the_first_reply_fits_a_phone_screen(rule_id, case, language):
    decision = decision_of(rule_id, case)
    text = short_answer_text(language, decision)
    assert len(text) <= MAX_CHARACTERS[language], text
    if decision.branches:  # the lead, then one headline per case
        assert text.startswith(sentences(language, decision.answer) + "\n- ")
    else:
        assert text.startswith(answer_text(language, decision))


@pytest.mark.parametrize("language", sorted(MAX_CHARACTERS))
@pytest.mark.parametrize(("rule_id", "case"), DECISION_CASES)
def test_nothing_of_the_full_answer_is_lost(rule_id, case, language):
    """The short reply and the parts it offers together say everything the full answer says."""
    decision = decision_of(rule_id, case)
    shown = [short_answer_text(language, decision)]
    shown += [answer_part_text(language, decision, part) for part in answer_parts(decision)]
    offered = "\n\n".join(shown)
    said = [sentences(language, [statement]) for statement in decision.answer + decision.steps + decision.notes]
    said += answer_text(language, decision).splitlines()  # each case of an unknown fact, in full
    said += sources_text(language, decision).splitlines()
    assert [text for text in said if text not in offered] == []


def test_the_next_step_is_the_first_step():
    decision = policy_rules.evaluate("waiting_period", {"gap_days": 100, "back_paid": True})
    assert short_answer_text("en", decision).endswith(
        "Next step: Pay all the arrears of the interruption; they are "
        "calculated on the average salary of local employees in the "
        "previous year at the time you pay."
    )
    assert "下一步：补缴断缴期间的全部欠费" in short_answer_text("zh", decision)
    assert answer_parts(decision) == [STEPS, SOURCES, WHY]


def test_one_step_and_no_notes_need_no_steps_button():
    decision = policy_rules.evaluate("retirement", {"reached_retirement_age": True, "contribution_years": 15})
    assert len(decision.steps) == 1 and not decision.notes, "pick a case with one step and no notes"
    assert answer_parts(decision) == [SOURCES, WHY]


@pytest.mark.parametrize("language", sorted(MAX_CHARACTERS))
def test_on_wechat_the_longest_first_reply_with_its_numbered_options_is_one_page(language):
    from actions.answers import part_buttons
    from channels.numbered_options import reply_text
    from channels.wechat_pages import pages

    replies = []
    for rule_id, case in (param.values for param in DECISION_CASES):
        decision = decision_of(rule_id, case)
        message = {"text": short_answer_text(language, decision)}
        message["buttons"] = part_buttons(language, answer_parts(decision))
        replies.append(reply_text([message], language))
    longest = max(replies, key=len)
    assert pages(longest, with_hint=True) == [longest]
    assert say(language, "channel.numbered_options_header") in longest  # the buttons became numbered options


TOPIC_RULES = sorted(rule_id for rule_id, rule in policy_rules.RULES.items() if rule.inputs)


@pytest.mark.parametrize("language", sorted(MAX_CHARACTERS))
@pytest.mark.parametrize("rule_id", TOPIC_RULES)
def test_every_outcome_of_a_topic_has_a_headline(rule_id, language):
    """A case of an unknown fact is headlined by its outcome, whichever outcome that case reaches."""
    outcomes = set(policy_rules.RULES[rule_id].possible_outcomes) - {DEPENDS_ON_FACT}
    assert [o for o in sorted(outcomes) if not has(language, f"says.outcome.{rule_id}.{o}")] == []


def test_a_branched_first_reply_headlines_each_case_and_steps_has_them_in_full():
    decision = policy_rules.evaluate("waiting_period", {"back_paid": "unknown", "gap_days": 100})
    short = short_answer_text("en", decision)
    assert "- If you pay them: the pooled fund pays again from 3 months after the payment month." in short
    assert "When the arrears are paid after 100 days" not in short
    steps = answer_part_text("en", decision, STEPS)
    assert steps.startswith("Each case:\n\n- If you pay them: When the arrears are paid after 100 days")
    assert STEPS in answer_parts(decision)
    assert "各种情况：" in answer_part_text("zh", decision, STEPS)


def test_inner_cases_that_do_not_fit_are_left_to_steps(monkeypatch):
    from text_catalogue import decisions

    decision = policy_rules.evaluate("waiting_period", {"back_paid": "unknown", "gap_days": "unknown"})
    assert "  - If it was up to 60 days:" in short_answer_text("en", decision)  # the inner cases fit today
    monkeypatch.setitem(decisions.FIRST_REPLY_CHARACTERS, "en", 300)
    short = short_answer_text("en", decision)
    assert "- If you pay them: It depends on how long" in short and 'See "Steps".' in short
    assert "If it was up to 60 days" not in short and "Next step" not in short
    assert "  - If it was up to 60 days:" in answer_part_text("en", decision, STEPS)
