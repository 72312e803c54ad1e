"""One lexicon: every phrase, typo and scheme stem that is found in a message is also read as its value.

The finder is the one the NLU pipeline uses (`understanding.spans`, English and Chinese).
"""

from __future__ import annotations

import pytest

from understanding.choices import scheme_of, values_in_text
from understanding.lexicon import has_han, lexicon, phrase_variants, stems
from understanding.spans import find_spans
from understanding.text import normalise_text

LEXICON_PHRASES = [
    (label, value, variant)
    for label, values in lexicon().items()
    for value, phrases in values.items()
    for phrase in phrases
    for variant in sorted(phrase_variants(phrase))
]

# Every stem with a made-up ending and the insurance words the finders accept after it.
STEM_PHRASES = [
    (value, text)
    for value, value_stems in stems("scheme").items()
    for stem in value_stems
    for text in (
        [f"{stem}医保", f"{stem}的医疗保险", f"{stem}保险"]
        if has_han(stem)
        else [
            f"{stem} insurance",
            f"{stem}xx insurence",
            f"{stem}'s medical insurance",
            f"{stem} scheme",
            f"{stem} yibao",
        ]
    )
]


def read(label: str, phrase: str) -> str | None:
    """What the fact readers make of a phrase the finder found."""
    if label == "scheme":
        return scheme_of(phrase)
    values = values_in_text(label, phrase, [{"entity": label, "value": phrase}])
    return values[0] if values else None


@pytest.mark.parametrize(
    ("label", "value", "phrase"), LEXICON_PHRASES, ids=[f"{p[0]}: {p[2]}" for p in LEXICON_PHRASES]
)
def test_every_lexicon_phrase_is_found_and_read_as_its_value(label, value, phrase):
    text = normalise_text(phrase)
    spans = [span for span in find_spans(text) if span.label == label]
    assert [span.text for span in spans] == [text]
    assert read(label, spans[0].text) == value


@pytest.mark.parametrize(("value", "phrase"), STEM_PHRASES, ids=[p[1] for p in STEM_PHRASES])
def test_every_scheme_stem_is_found_and_read_as_its_scheme(value, phrase):
    spans = [span for span in find_spans(phrase) if span.label == "scheme"]
    assert [span.text for span in spans] == [phrase]
    assert scheme_of(spans[0].text) == value
