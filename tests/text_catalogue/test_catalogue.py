"""The catalogues: every language has every text, with the same placeholders, for everything the code can say."""

from __future__ import annotations

import string

import pytest

import policy_rules
from policy_rules.parameters import parameters, sources
from text_catalogue import DEFAULT_LANGUAGE, LANGUAGES, has, messages, say


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key_with_the_same_placeholders(language):
    reference, texts = messages(DEFAULT_LANGUAGE), messages(language)
    assert set(texts) == set(reference), sorted(set(texts) ^ set(reference))
    for key, template in reference.items():
        assert placeholders(texts[key]) == placeholders(template), key


def keys_the_code_needs() -> list[str]:
    keys = []
    for rule in policy_rules.RULES.values():
        keys.append(f"rule.{rule.id}.title")
        for spec in rule.inputs:
            keys += [f"input.{spec.name}.description", f"fact.{spec.name}"]
            if spec.asked:
                keys.append(f"question.{spec.name}.text")
                keys += [f"question.{spec.name}.buttons.{choice}" for choice in spec.choices]
                if spec.kind == "bool":
                    keys += [f"question.{spec.name}.buttons.yes", f"question.{spec.name}.buttons.no"]
                keys.append(f"question.{spec.name}.buttons.unknown")  # every asked fact may be "not sure"
        for name in rule.answered_per_case:  # "not sure": a lead, a line per case, how to find it out
            spec = rule.input(name)
            keys += [f"says.depends_on.{name}", f"says.find_out.{name}"]
            if name not in rule.unknown_cases:
                values = spec.choices if spec.kind == "choice" else ("yes", "no")
                keys += [f"says.case.{name}.{value}" for value in values]
    keys += [f"unit.{unit_id}" for unit_id in policy_rules.UNITS]
    keys += [f"parameter.{name}" for name in parameters()]
    for source in sources().values():
        keys.append(f"source.{source.id}.title")
        keys += [f"source.{source.id}.sections.{section}" for section in source.sections]
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_everything_the_rules_declare_can_be_said(language):
    missing = [key for key in keys_the_code_needs() if not has(language, key)]
    assert not missing


@pytest.mark.parametrize(
    "language, city, written",
    [
        ("zh", "Shenzhen", "深圳"),
        ("en", "Shenzhen", "Shenzhen"),
        ("zh", "Xi'an", "西安"),
        ("zh", "Atlantis", "Atlantis"),
    ],
    ids=["Chinese name", "English name", "Chinese name of a name with an apostrophe", "a place the lexicon lacks"],
)
def test_a_city_is_named_in_the_language_of_the_answer(language, city, written):
    step = say(language, "says.transfer.apply_in_city", city=city)
    assert written in step and (written == city or city not in step)
