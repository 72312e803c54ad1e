"""The rule-based spaCy pipeline finds the facts' spans in real sentences."""

from __future__ import annotations

import pytest

from spacy_pipeline.build import build


@pytest.fixture(scope="module")
def nlp():
    return build()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I missed 45 days, paid on 10 March 2025", [("45 days", "duration"), ("10 March 2025", "date")]),
        ("paid on 2025-03-10", [("2025-03-10", "date")]),
        ("paid in May 2025", [("in May 2025", "date")]),
        ("I may pay next month", [("next month", "date")]),
        ("forty-five days", [("forty-five days", "duration")]),
        ("3 months ago", [("3 months ago", "date")]),
        (
            "the employee insurance and the residents' insurance",
            [("employee insurance", "scheme"), ("residents' insurance", "scheme")],
        ),
        ("two employee insurances", [("employee insurances", "scheme")]),
        ("residents insurence", [("residents insurence", "scheme")]),
        ("new rural cooperative", [("new rural cooperative", "scheme")]),
        ("I'm moving to Shenzhen", [("Shenzhen", "city")]),
        ("I am self-employed", [("self-employed", "payer")]),
        ("my father passed away", [("passed away", "situation")]),
    ],
)
def test_entities(nlp, text, expected):
    assert [(ent.text, ent.label_) for ent in nlp(text).ents] == expected
