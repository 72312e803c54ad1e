"""The law beside the code: every rule unit and every number quotes its source verbatim."""

from __future__ import annotations

import re

import pytest

import policy_rules
from policy_rules.parameters import parameters, source_text, sources


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("unit_id", sorted(policy_rules.UNITS))
def test_every_rule_unit_quotes_its_source_verbatim(unit_id):
    unit = policy_rules.UNITS[unit_id]
    assert len(unit.quote) >= 20, "quote the passage the unit implements"
    assert normalised(unit.quote) in normalised(source_text(unit.citation.source_id))
    assert unit.citation.section in sources()[unit.citation.source_id].sections


@pytest.mark.parametrize("name", sorted(parameters()))
def test_every_number_quotes_its_source_verbatim(name):
    parameter = parameters()[name]
    assert normalised(parameter.quote) in normalised(source_text(parameter.source))


def test_each_article_of_the_social_insurance_law_cites_the_document_that_quotes_it():
    assert "Article 23" in source_text("social_insurance_law_article_23")
    assert "Article 27" in source_text("social_insurance_law_article_27")
    assert "Article 27" not in source_text("social_insurance_law_article_23")


def test_every_unit_runs_in_some_decision():
    """A unit no rule calls would be a statement of the law the assistant never makes."""
    from pathlib import Path

    import yaml

    fired = set()
    for path in (Path(__file__).parent / "cases").glob("*.yaml"):
        for table in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            for case in table["cases"]:
                if "outcome" in case:
                    decision = policy_rules.evaluate(table["rule"], case["inputs"], as_of=case.get("as_of"))
                    fired |= set(decision.rules_fired)
    assert set(policy_rules.UNITS) <= fired, sorted(set(policy_rules.UNITS) - fired)
