"""A date without a year, in the past or the future as its fact and the words around it say (audit 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.facts import extract_facts
from understanding.dates import parse_date, tense_of
from understanding.spans import find_entities
from understanding.text import normalise_text

TODAY = dt.date(2026, 11, 23)


def facts_of(text, topic, asked=None, today=TODAY):
    text = normalise_text(text)
    return extract_facts(text, "inform", find_entities(text), topic, asked, today)


@pytest.mark.parametrize(
    ("text", "today", "prefer", "day"),
    [
        ("10 March", TODAY, "past", "2026-03-10"),
        ("10 March", TODAY, "future", "2027-03-10"),
        ("10 March", TODAY, "nearest", "2027-03-10"),  # 107 days ahead against 258 days back
        ("10 June", TODAY, "nearest", "2026-06-10"),  # 166 days back against 199 ahead
        ("3月10号", TODAY, "future", "2027-03-10"),
        ("15号", TODAY, "future", "2026-12-15"),
        ("15号", dt.date(2026, 3, 10), "future", "2026-03-15"),
        # today's own date is both past and future
        ("10 March", dt.date(2026, 3, 10), "past", "2026-03-10"),
        ("10 March", dt.date(2026, 3, 10), "future", "2026-03-10"),
        ("3月10号", dt.date(2026, 3, 10), "future", "2026-03-10"),
        ("10号", dt.date(2026, 3, 10), "future", "2026-03-10"),
        # 29 February: the nearest leap year that way; on 29 February itself, that day
        ("29 February", TODAY, "past", "2024-02-29"),
        ("29 February", TODAY, "future", "2028-02-29"),
        ("2月29日", TODAY, "past", "2024-02-29"),
        ("2月29日", TODAY, "future", "2028-02-29"),
        ("29 Feb", dt.date(2028, 2, 29), "future", "2028-02-29"),
        ("2月29日", dt.date(2028, 2, 29), "past", "2028-02-29"),
        # a written year is never moved
        ("10 March 2025", TODAY, "future", "2025-03-10"),
        ("2025年3月10日", TODAY, "future", "2025-03-10"),
        ("下个月15号", TODAY, "past", "2026-12-15"),
    ],
)
def test_a_date_without_a_year_is_read_the_way_preferred(text, today, prefer, day):
    assert parse_date(text, today, prefer).isoformat() == day


@pytest.mark.parametrize(
    ("text", "today", "prefer", "written"),
    [
        # a month without a day keeps "no day known" (YYYY-MM): the rules choose the safe day or ask
        ("March 2025", TODAY, "past", "2025-03"),
        ("in March", TODAY, "past", "2026-03"),
        ("in March", TODAY, "future", "2027-03"),
        ("2025年3月", TODAY, "future", "2025-03"),
        ("去年6月份", TODAY, "past", "2025-06"),
        ("2025-03", TODAY, "past", "2025-03"),
        ("2025.3", TODAY, "past", "2025-03"),
        # the current month is both past and future, as today is
        ("in November", TODAY, "future", "2026-11"),
        ("11月", TODAY, "future", "2026-11"),
        ("11月", TODAY, "past", "2026-11"),
        # a day, a part of the month or a relative month is a day
        ("10 March 2025", TODAY, "past", "2025-03-10"),
        ("3月10号", TODAY, "past", "2026-03-10"),
        ("end of March 2025", TODAY, "past", "2025-03-31"),
        ("3月中旬", TODAY, "past", "2026-03-15"),
        ("last month", TODAY, "past", "2026-10-23"),
        ("上个月", TODAY, "past", "2026-10-23"),
    ],
)
def test_a_month_without_a_day_is_written_as_a_month(text, today, prefer, written):
    assert parse_date(text, today, prefer).isoformat() == written


@pytest.mark.parametrize(
    ("words", "tense"),
    [
        ("my job ends on", "future"),
        ("I will pay on", "future"),
        ("I'm going to move on", "future"),
        ("我要离职了", "future"),
        ("打算离职", "future"),
        ("my insurance ended on", "past"),
        ("I paid on", "past"),
        ("停了", "past"),
        ("社会保险", None),  # 会 of 社会 is no future
        ("需要交", None),
        ("on", None),
    ],
)
def test_the_tense_of_the_words_around_a_date(words, tense):
    assert tense_of(words) == tense


@pytest.mark.parametrize(
    ("text", "topic", "asked", "facts"),
    [
        ("my job ends on 10 March", "transfer", None, {"old_enrolment_end_date": "2027-03-10"}),
        ("下个月15号离职", "transfer", None, {"old_enrolment_end_date": "2026-12-15"}),
        ("我3月10号要离职了", "transfer", None, {"old_enrolment_end_date": "2027-03-10"}),
        ("my old insurance ended on 10 March", "transfer", None, {"old_enrolment_end_date": "2026-03-10"}),
        # planning a move, no tense: the nearest 10 March
        ("10 March", "transfer", "old_enrolment_end_date", {"old_enrolment_end_date": "2027-03-10"}),
        ("10 June", "transfer", "old_enrolment_end_date", {"old_enrolment_end_date": "2026-06-10"}),
        # the bills of a gap are about a gap that happened: the past
        ("10 March", "transfer_gap_bills", "old_enrolment_end_date", {"old_enrolment_end_date": "2026-03-10"}),
        ("10 March", "waiting_period", "payment_date", {"payment_date": "2026-03-10"}),
        ("I will pay it on 10 March", "waiting_period", "payment_date", {"payment_date": "2027-03-10"}),
        ("I paid on 10 March", "waiting_period", None, {"payment_date": "2026-03-10"}),
        ("I'll pay the arrears on 10 March", "waiting_period", None, {"payment_date": "2027-03-10"}),
        ("3月10号要补缴", "waiting_period", None, {"payment_date": "2027-03-10"}),
    ],
)
def test_a_fact_date_is_read_in_the_tense_of_its_words(text, topic, asked, facts):
    found = facts_of(text, topic, asked)
    assert {name: found.get(name) for name in facts} == facts
