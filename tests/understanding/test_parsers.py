"""Durations, dates and answers as citizens type them (tables: text -> meaning)."""

from __future__ import annotations

import datetime as dt

import pytest

from understanding.choices import enrolment_pair, has_receiving_employer, says_dont_know, withdrawal_situation, yes_no
from understanding.dates import parse_date
from understanding.durations import parse_bare_number, parse_duration
from understanding.spans import find_entities

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("45 days", 45),
        ("45days", 45),
        ("forty-five days", 45),
        ("a hundred days", 100),
        ("two months", 60),
        ("8 months", 240),
        ("3 monhts", 90),
        ("a month", 30),
        ("a couple of months", 60),
        ("half a year", 180),
        ("6 months", 180),
        ("over half a year", 181),
        ("more than 60 days", 61),
        ("almost 2 months", 59),
        ("3 weeks", 21),
        ("a year", 365),
        ("2 yrs", 730),
        ("3 months and 10 days", 100),  # a smaller second part is added
        ("1 year, 2 months", 425),
        ("45 days 3 months", 45),  # a larger second part is another length, not a part
        ("90-ish days", 90),
        ("100+ days", 101),
        ("over 3 mos", 91),
    ],
)
def test_durations_in_days(text, days):
    assert parse_duration(text).days == days


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1 year", 1.0),
        ("a year and a half", 1.5),
        ("one and a half years", 1.5),
        ("two and a half years", 2.5),
        ("18 months", 1.5),
        ("8 months", 0.667),
        ("25 years", 25.0),
    ],
)
def test_durations_in_years(text, years):
    assert round(parse_duration(text).years, 3) == years


@pytest.mark.parametrize("text", ["no idea", "last week", "a while", ""])
def test_no_duration(text):
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("text", "number"), [("45", 45), ("forty five", 45), ("about 20 I think", 20), ("3 or 4", None)]
)
def test_bare_numbers(text, number):
    assert parse_bare_number(text) == number


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("10 March 2025", "2025-03-10"),
        ("March 10th, 2025", "2025-03-10"),
        ("2025-03-10", "2025-03-10"),
        ("2025/3/10", "2025-03-10"),
        ("2025.03.10", "2025-03-10"),
        ("2025年3月10日", "2025-03-10"),
        ("10/03/2025", "2025-03-10"),
        ("March 2025", "2025-03-01"),
        ("in May 2025", "2025-05-01"),
        ("in March", "2026-03-01"),
        ("December", "2025-12-01"),
        ("yesterday", "2026-11-21"),
        ("last week", "2026-11-15"),
        ("3 months ago", "2026-08-22"),
        ("a couple of days ago", "2026-11-20"),
        ("a few weeks ago", "2026-11-01"),
        ("last Tuesday", "2026-11-17"),  # today is a Sunday: the latest Tuesday before it
        ("on Friday", "2026-11-20"),
        ("last Sunday", "2026-11-15"),  # said on a Sunday: a week ago, not today
        ("next Tuesday", "2026-11-24"),
        ("end of August 2025", "2025-08-31"),
        ("end of last month", "2026-10-31"),
        ("end of this year", "2026-12-31"),
        ("end of this week", "2026-11-22"),  # today is a Sunday
        ("mid March", "2026-03-15"),
    ],
)
def test_dates(text, day):
    assert parse_date(text, TODAY) == dt.date.fromisoformat(day)


@pytest.mark.parametrize("text", ["45 days", "no idea", "31 Feb 2025", "2025-13-01"])
def test_not_dates(text):
    assert parse_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "intent", "answer"),
    [
        ("yes", None, True),
        ("Yeah I did", None, True),
        ("nope", None, False),
        ("not yet", None, False),
        ("I'm not sure", None, None),
        ("sounds odd", None, None),
        ("whatever", "affirm", True),
        ("hmm", "deny", False),
    ],
)
def test_yes_no(text, intent, answer):
    assert yes_no(text, intent) is answer


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("two employee insurances", "two_employee"),
        ("one employee and one residents'", "employee_and_residents"),
        ("insured twice after changing jobs", "two_employee"),
        ("residents insurance in two cities", "two_residents"),
        ("urban worker insurance and new rural cooperative", "employee_and_residents"),
        ("employee insurance", None),
        ("employee insurance for 2 years", None),  # a two that counts time
        ("职工医保交了两年多", None),
        ("两份职工医保", "two_employee"),
    ],
)
def test_enrolment_pairs(text, pair):
    assert enrolment_pair(text, []) == pair


@pytest.mark.parametrize(
    "text",
    [
        "I'm enrolled in both the employee and the residents scheme",  # one noun for two schemes
        "我职工和居民医保都交了",
        "I have residents insurance and employee insurance",
    ],
)
def test_two_schemes_sharing_one_noun_are_both_read(text):
    assert enrolment_pair(text, find_entities(text)) == "employee_and_residents"


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        ("without a new employer", False),
        ("no job yet", False),
        ("I'll be self-employed", False),
        ("I don't have a job lined up", False),
        ("I have a new job there", True),
        ("my company is sending me", True),
        ("they will enroll me", True),
        ("I'm going to work for myself", False),
        ("still looking", False),
        ("我自己干", False),
        ("I'm moving to Shenzhen", None),
    ],
)
def test_receiving_employer(text, employer):
    assert has_receiving_employer(text) is employer


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("My father passed away", "insured_person_died"),
        ("I am retired and moving abroad", "retired_settled_abroad"),
        ("I retired and live with my son in another city", "retired_living_elsewhere"),
        ("I'm a foreigner going back to my country", "leaving_country_before_retirement"),
        ("I want to emigrate before I retire", "leaving_country_before_retirement"),
        ("the new city refuses the balance", "transfer_balance_refused"),
        ("I am still working, I need cash", "still_insured"),
        ("Something else", "other"),
        ("hello", None),
    ],
)
def test_withdrawal_situations(text, situation):
    assert withdrawal_situation(text, []) == situation


@pytest.mark.parametrize(
    ("text", "dont_know"),
    [
        ("not sure", True),
        ("not really sure", True),
        ("don’t know", True),  # the curly apostrophe phones type
        ("I forgot", True),
        ("beats me", True),
        ("I'm sure", False),
        ("maybe", False),
    ],
)
def test_english_dont_know(text, dont_know):
    assert says_dont_know(text, None) is dont_know


@pytest.mark.parametrize(
    ("text", "answer"),
    [("yep", True), ("of course", True), ("definitely", True), ("definitely not", False), ("of course not", False)],
)
def test_english_yes_no_with_emphasis(text, answer):
    assert yes_no(text, None) is answer


def test_a_retiree_naming_two_places_lives_elsewhere():
    text = "My mother has retired and lives with me in Shenzhen, but her insurance is in Hunan"
    assert withdrawal_situation(text, find_entities(text)) == "retired_living_elsewhere"
