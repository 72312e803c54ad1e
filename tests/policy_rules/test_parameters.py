"""The parameter files: every number has a source and dated values, and dates choose the value in force."""

from __future__ import annotations

import datetime as dt

import pytest

import policy_rules
from policy_rules.engine import Evaluation
from policy_rules.parameters import Parameter, parameters, source_text, sources


def test_every_parameter_cites_a_known_source_with_a_quote():
    for parameter in parameters().values():
        assert parameter.source in sources()
        assert parameter.quote and parameter.section in sources()[parameter.source].sections
        assert parameter.values


def test_every_source_names_its_document_in_the_repository():
    for source in sources().values():
        assert source.document.startswith("sources/") and source.document.endswith(".txt")
        assert source_text(source.id).strip()


TIMELINE = Parameter("demo", "days", "duplicate_cleanup", "paragraph_2", "x", ((None, 60), (dt.date(2030, 1, 1), 90)))


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2029, 12, 31), 60), (dt.date(2030, 1, 1), 90), (dt.date(2031, 6, 1), 90), (None, 90)],
)
def test_value_in_force_follows_the_since_dates(day, expected):
    assert TIMELINE.value_on(day) == expected


def test_a_date_before_any_value_is_refused_with_a_typed_error(monkeypatch):
    dated = Parameter("demo", "days", "duplicate_cleanup", "paragraph_2", "x", ((dt.date(2030, 1, 1), 90),))
    monkeypatch.setitem(parameters(), "demo", dated)
    ev = Evaluation(policy_rules.get_rule("pay_again"), {}, dt.date(2029, 1, 1), probing=False)
    with pytest.raises(policy_rules.InvalidInput) as raised:
        ev.param("demo")
    assert raised.value.input_name == "as_of"


def test_the_trace_shows_the_parameter_values_used():
    decision = policy_rules.evaluate("waiting_period", {"gap_days": 61, "payment_date": "2025-03-10"})
    window = next(step for step in decision.trace if step.rule_id == "waiting_period.delay_after_back_payment")
    assert window.parameters["waiting_period.next_month_max_days"] == 60
    assert window.parameters["waiting_period.medium_gap_delay_months"] == 3
    assert window.inputs == {"gap_days": 61}
