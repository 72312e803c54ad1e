"""Facts said in passing: cities by their role, the required years reached, a new employer or none.

Whole messages go through the entity finder the NLU pipeline uses, as in test_facts.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from actions.facts import extract_facts
from understanding.choices import has_receiving_employer, required_years_status
from understanding.places import city_roles
from understanding.spans import find_entities
from understanding.text import normalise_text

TODAY = dt.date(2026, 11, 22)


def facts_of(text, topic, asked=None, intent="inform"):
    text = normalise_text(text)
    return extract_facts(text, intent, find_entities(text), topic, asked, TODAY)


@pytest.mark.parametrize(
    ("text", "new_city"),
    [
        ("I quit my job in Heyuan and moved to Shenzhen", "Shenzhen"),
        ("I moved to Shenzhen from Heyuan", "Shenzhen"),
        ("transfer from Heyuan to Shenzhen", "Shenzhen"),
        ("I left Guangzhou and now work in Shenzhen", "Shenzhen"),
        ("I'm moving to Hangzhou", "Hangzhou"),
        ("我从河源辞职到广州上班", "Guangzhou"),
        ("河源的工作辞了，来深圳了", "Shenzhen"),
        ("我在深圳上班，想转回河源", "Heyuan"),
        ("我在上海上班，医保在杭州，想转过来", "Shanghai"),  # 医保在: where the insurance is now
        ("医保在深圳交的，想转回老家长沙", "Changsha"),
        ("我要从广州转到深圳", "Shenzhen"),
    ],
)
def test_the_destination_is_the_city_moved_to_not_the_one_left(text, new_city):
    assert facts_of(text, "transfer").get("new_city") == new_city


@pytest.mark.parametrize("text", ["I quit my job in Heyuan, how do I transfer?", "我从河源离职了，医保怎么转？"])
def test_a_city_named_only_as_the_origin_is_not_the_new_city(text):
    assert "new_city" not in facts_of(text, "transfer")


def test_city_roles_give_origin_and_destination():
    text = "I quit my job in Heyuan and moved to Shenzhen"
    cities = [(text.index(name), text.index(name) + len(name), name) for name in ("Heyuan", "Shenzhen")]
    assert city_roles(text, cities) == ("Heyuan", "Shenzhen")


@pytest.mark.parametrize(
    ("text", "reached"),
    [
        ("I've already reached the required years", True),
        ("I have paid enough years", True),
        ("the requirement is met", True),
        ("I haven't reached the required years yet", False),
        ("not enough years", False),
        ("我已经交够了", True),
        ("缴费年限已经够了", True),
        ("已经达到规定年限了", True),
        ("年限还不够", False),
        ("我没交满15年", False),
        ("我还没达到缴费年限", False),
        ("I have reached retirement age", None),
        ("how many years are required?", None),
        ("交了20年", None),
    ],
)
def test_required_years_reached_in_words(text, reached):
    assert required_years_status(text) is reached


def test_reached_years_before_retirement_fill_both_facts():
    facts = facts_of("I'm not retired yet but I've already reached the required years", "retirement")
    assert facts == {"reached_retirement_age": False, "required_years_reached": True}


def test_years_said_short_in_reply_to_the_years_question_are_taken():
    assert facts_of("我还没交够年限", "retirement", asked="contribution_years") == {"required_years_reached": False}


@pytest.mark.parametrize(
    ("text", "in_passing", "as_answer"),
    [
        ("I've got a new job at a company", True, True),
        ("还没找到新单位", False, False),
        ("自己交", False, False),
        ("I pay it myself", False, False),
        # leaving the old job is where one comes from; only as an answer does it mean "no employer"
        ("I quit my job in Heyuan and moved to Shenzhen", None, False),
        ("我辞职了", None, False),
        ("I quit my job and got a new job in Shenzhen", True, True),
    ],
)
def test_new_employer_from_words(text, in_passing, as_answer):
    assert has_receiving_employer(text) is in_passing
    assert has_receiving_employer(text, answering=True) is as_answer
