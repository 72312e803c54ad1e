"""Properties that hold for every input, checked with generated cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_rules
from policy_rules import InputSpec, InvalidInput, PolicyInputError
from text_catalogue import LANGUAGES
from text_catalogue.decisions import decision_text, error_text, trace_text

DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


def valid_value(spec: InputSpec) -> st.SearchStrategy:
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "days":
        return st.integers(min_value=1 if spec.positive else 0, max_value=int(spec.maximum))
    if spec.kind == "years":
        return st.floats(min_value=0, max_value=spec.maximum, allow_nan=False, exclude_min=spec.positive)
    if spec.kind == "date":  # a full date, or a month only ("2025-03")
        return st.one_of(DATES, DATES.map(lambda day: day.strftime("%Y-%m")))
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    return st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=20)


def bad_value(spec: InputSpec) -> st.SearchStrategy:
    if spec.kind == "bool":
        return st.sampled_from(["maybe", "perhaps", "2", 3.5])
    if spec.kind in ("days", "years"):
        return st.one_of(
            st.integers(max_value=-1),
            st.floats(max_value=-0.001, allow_nan=False, allow_infinity=False),
            st.sampled_from(["many", "nan", "inf", True]),
            st.integers(min_value=int(spec.maximum) + 1),
            st.sampled_from([0, 0.0, "0"] if spec.positive else ["many"]),
        )
    if spec.kind == "date":
        return st.sampled_from(["yesterday-ish", "2025-13-01", "2025-02-30", "31/31/2025", 12])
    if spec.kind == "choice":
        return st.text(min_size=1, max_size=12).filter(lambda text: text.strip().lower() not in spec.choices)
    return st.sampled_from(["   ", "x" * 81])


def complete_inputs(rule):
    """Every declared input of the rule, each with a valid value (optional ones sometimes not given, every
    asked one sometimes not known)."""
    fields = {}
    for spec in rule.inputs:
        strategy = valid_value(spec)
        if spec.asked:
            strategy = st.one_of(st.just(policy_rules.UNKNOWN), strategy)
        if spec.optional or not spec.asked:
            strategy = st.one_of(st.none(), strategy)
        fields[spec.name] = strategy
    return st.fixed_dictionaries(fields).map(lambda inputs: {k: v for k, v in inputs.items() if v is not None})


RULE_IDS = sorted(policy_rules.RULES)


@pytest.mark.parametrize("rule_id", RULE_IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_decision_carries_a_citation_and_a_trace(rule_id, data):
    rule = policy_rules.RULES[rule_id]
    inputs = data.draw(complete_inputs(rule))
    as_of = data.draw(st.one_of(st.none(), DATES))
    try:
        decision = policy_rules.evaluate(rule_id, inputs, as_of=as_of)
    except PolicyInputError as error:  # contradictory combinations must be refused with a typed error
        assert error.input_name in {spec.name for spec in rule.inputs} | {"as_of"}
        assert all(error_text(language, error) for language in LANGUAGES)
        return
    assert decision.citations, "a decision without a source"
    assert decision.trace, "a decision without a trace"
    for language in LANGUAGES:  # every decision can be said, and explained, in every language
        assert decision_text(language, decision).strip() and trace_text(language, decision).strip()


INPUT_CASES = [(rule_id, spec.name) for rule_id in RULE_IDS for spec in policy_rules.RULES[rule_id].inputs]


@pytest.mark.parametrize(("rule_id", "input_name"), INPUT_CASES)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_rule_rejects_bad_input_with_a_typed_error(rule_id, input_name, data):
    rule = policy_rules.RULES[rule_id]
    spec = rule.input(input_name)
    inputs = data.draw(complete_inputs(rule))
    inputs[input_name] = data.draw(bad_value(spec))
    with pytest.raises(InvalidInput) as raised:
        policy_rules.evaluate(rule_id, inputs)
    assert raised.value.input_name == input_name
    assert all(error_text(language, raised.value) for language in LANGUAGES)


def _first_month(gap_days: int, payment_date: dt.date) -> dt.date:
    decision = policy_rules.evaluate("waiting_period", {"gap_days": gap_days, "payment_date": payment_date})
    return dt.date.fromisoformat(decision.facts["first_benefit_month"] + "-01")


@settings(max_examples=300, deadline=None)
@given(
    shorter=st.integers(min_value=0, max_value=3000),
    extra=st.integers(min_value=0, max_value=3000),
    payment_date=DATES,
)
def test_waiting_time_never_decreases_as_the_gap_grows(shorter, extra, payment_date):
    assert _first_month(shorter, payment_date) <= _first_month(shorter + extra, payment_date)


@settings(max_examples=200, deadline=None)
@given(gap_days=st.integers(min_value=0, max_value=3000), payment_date=DATES)
def test_benefits_always_return_after_the_payment_month(gap_days, payment_date):
    first = _first_month(gap_days, payment_date)
    assert first > payment_date
    assert first.day == 1


@pytest.mark.parametrize("rule_id", ["no_such_rule", "", "WAITING_PERIOD"])
def test_unknown_rule_is_a_typed_error(rule_id):
    with pytest.raises(policy_rules.UnknownRule):
        policy_rules.evaluate(rule_id, {})
