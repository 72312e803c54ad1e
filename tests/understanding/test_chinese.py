"""Chinese as citizens write it: durations, dates, numerals, yes/no, choices, whole messages (tables)."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.facts import extract_facts
from understanding.choices import (
    enrolment_pair,
    has_receiving_employer,
    retirement_status,
    says_dont_know,
    schemes_mentioned,
    withdrawal_situation,
    yes_no,
)
from understanding.dates import parse_date
from understanding.durations import parse_bare_number, parse_duration
from understanding.spans import find_entities
from understanding.text import language_of, normalise_text

TODAY = dt.date(2026, 11, 22)  # a Sunday in November

DURATIONS_IN_DAYS = [
    ("45天", 45),
    ("断缴了45天", 45),
    ("一百天", 100),
    ("两个月", 60),
    ("三个多月 (more than three months)", 91),
    ("7个月", 210),
    ("半年", 180),
    ("半年多", 181),
    ("一年多 (more than a year)", 366),
    ("一年半", 548),
    ("两个半月", 75),
    ("半个月", 15),
    ("3周", 21),
    ("两个星期", 14),
    ("三个礼拜", 21),
    ("十天", 10),
    ("超过60天", 61),
    ("60天以上", 61),
    ("不到两个月", 59),
    ("快三个月了", 89),
    ("100多天", 101),
    ("十多天", 11),
    ("十来天 (来: about)", 10),
    ("两个来月", 60),
    ("６０天 (full-width digits)", 60),
    ("兩個月 (traditional)", 60),
    ("差不多两个月", 60),
    ("两个月零5天 (a second part after 零)", 65),
    ("一年零三个月", 455),
    ("两个月零几天 (a few days: more than)", 61),
]


@pytest.mark.parametrize(("text", "days"), DURATIONS_IN_DAYS, ids=[t for t, _ in DURATIONS_IN_DAYS])
def test_chinese_durations_in_days(text, days):
    assert parse_duration(text.split(" (")[0]).days == days


@pytest.mark.parametrize(
    ("text", "years"),
    [("15年", 15.0), ("十五年", 15.0), ("二十五年", 25.0), ("一年多", 1.003), ("18个月", 1.5), ("一年半", 1.5)],
)
def test_chinese_durations_in_years(text, years):
    assert round(parse_duration(text).years, 3) == years


@pytest.mark.parametrize("text", ["2025年", "3月", "今年", "三四个月 (three or four)", "不知道", "第一个"])
def test_not_chinese_durations(text):
    assert parse_duration(text.split(" (")[0]) is None


DATES = [
    ("2025年3月10日", "2025-03-10"),
    ("2025年3月10号", "2025-03-10"),
    ("2025.3.10", "2025-03-10"),
    ("2025-03-10", "2025-03-10"),
    ("２０２５年３月１０日 (full-width)", "2025-03-10"),
    ("二〇二五年三月十日", "2025-03-10"),
    ("25年3月 (two-digit year)", "2025-03-01"),
    ("2025年3月", "2025-03-01"),
    ("3月10号 (no year: this year, not in the future)", "2026-03-10"),
    ("三月十号", "2026-03-10"),
    ("11月22号 (today)", "2026-11-22"),
    ("11月23号 (tomorrow: so last year)", "2025-11-23"),
    ("12月 (a future month: last year)", "2025-12-01"),
    ("三月份", "2026-03-01"),
    ("今年三月", "2026-03-01"),
    ("去年6月", "2025-06-01"),
    ("前年十月", "2024-10-01"),
    ("3月底", "2026-03-31"),
    ("3月中", "2026-03-15"),
    ("去年年底", "2025-12-31"),
    ("今年年初", "2026-01-01"),
    ("上个月 (like 'last month')", "2026-10-22"),
    ("上个月底", "2026-10-31"),
    ("上个月15号", "2026-10-15"),
    ("上周 (like 'last week')", "2026-11-15"),
    ("昨天", "2026-11-21"),
    ("前天", "2026-11-20"),
    ("上周二 (Tuesday of last week; weeks start on Monday)", "2026-11-10"),
    ("这周一", "2026-11-16"),
    ("星期五 (the latest Friday)", "2026-11-20"),
    ("礼拜天 (today, a Sunday)", "2026-11-22"),
    ("三个月前", "2026-08-22"),
    ("10天前", "2026-11-12"),
    ("10号 (this month)", "2026-11-10"),
    ("25号 (after today: last month)", "2026-10-25"),
    ("我是6月5号补缴的", "2026-06-05"),
    ("2025年3月10號", "2025-03-10"),
]


@pytest.mark.parametrize(("text", "day"), DATES, ids=[t for t, _ in DATES])
def test_chinese_dates(text, day):
    assert parse_date(text.split(" (")[0], TODAY) == dt.date.fromisoformat(day)


@pytest.mark.parametrize("text", ["45天", "2025年2月30日", "13月", "不知道"])
def test_not_chinese_dates(text):
    assert parse_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("四十五", 45), ("一百", 100), ("两", 2), ("45", 45), ("大概20吧", 20), ("三四 (a range)", None), ("４５", 45)],
)
def test_chinese_bare_numbers(text, number):
    assert parse_bare_number(text.split(" (")[0]) == number


YES_NO = [
    ("是", True),
    ("是的", True),
    ("对", True),
    ("对的", True),
    ("嗯", True),
    ("嗯嗯", True),
    ("有", True),
    ("有的", True),
    ("好的", True),
    ("没错", True),
    ("已经补缴了", True),
    ("對 (traditional)", True),
    ("没有", False),
    ("没", False),
    ("不是", False),
    ("不对", False),
    ("还没有", False),
    ("否", False),
    ("不", False),
    ("是不是要补缴 (a question)", None),
    ("有没有影响 (a question)", None),
    ("对不起 (sorry)", None),
    ("不确定", None),
    ("不知道", None),
    ("不清楚", None),
    ("记不清了", None),
    ("我也不太确定", None),
    ("哈哈", None),
    ("木有 (internet slang for 没有)", False),
    ("交过了", True),
    ("不太记得", None),  # not sure, not no
]


@pytest.mark.parametrize(("text", "answer"), YES_NO, ids=[t for t, _ in YES_NO])
def test_chinese_yes_no(text, answer):
    assert yes_no(text.split(" (")[0], None) is answer


@pytest.mark.parametrize(
    ("text", "dont_know"),
    [
        ("不知道", True),
        ("不清楚", True),
        ("忘了", True),
        ("不太记得", True),
        ("我哪知道", True),
        ("单位还没定 (not decided)", True),
        ("知道", False),
    ],
)
def test_chinese_dont_know(text, dont_know):
    assert says_dont_know(text.split(" (")[0], None) is dont_know


LANGUAGES = [
    ("我断缴了三个月", "zh"),
    ("我有職工醫保", "zh"),
    ("I missed three months", "en"),
    ("paid it back", "en"),
    ("I paid 职工医保", "zh"),
    ("45", None),
    ("2025-03-10", None),
    ("ok", None),
    ("ok thanks", None),
    ("👍", None),
    ("", None),
    ("yes I did", "en"),
    ("ＯＫ　ｆｉｎｅ　ｔｈａｎｋｓ", "en"),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGES, ids=[t or "empty" for t, _ in LANGUAGES])
def test_language_of(text, language):
    assert language_of(text) == language


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("我有職工醫保", "我有职工医保"),
        ("２０２５年３月", "2025年3月"),
        ("ＡＢＣ　ｄｅｆ", "ABC def"),
        ("断缴，补缴。", "断缴,补缴。"),
    ],
)
def test_normalise_text(text, normal):
    assert normalise_text(text) == normal


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("两个职工医保", "two_employee"),
        ("职工医保和居民医保都交了", "employee_and_residents"),
        ("我有职工医保，又交了新农合", "employee_and_residents"),
        ("两份居民医保", "two_residents"),
        ("换工作以后两家公司都给我交了医保", "two_employee"),
        ("单位交的医保和自己交的居民医保", "employee_and_residents"),
        ("职工医保", None),
        ("居民医保交了两次", "two_residents"),
    ],
)
def test_chinese_enrolment_pairs(text, pair):
    assert enrolment_pair(text, find_entities(normalise_text(text))) == pair


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        ("我有新单位", True),
        ("找到工作了", True),
        ("公司帮我交", True),
        ("新公司会给我交", True),
        ("没有单位", False),
        ("没工作", False),
        ("我辞职了", False),
        ("自己交", False),
        ("还没有找到工作", False),
        ("我要去深圳", None),
    ],
)
def test_chinese_receiving_employer(text, employer):
    """As answers to the question whether an employer at the new place enrols them."""
    assert has_receiving_employer(text, answering=True) is employer


@pytest.mark.parametrize(
    ("text", "retired"),
    [
        ("我已经退休了", True),
        ("退休了", True),
        ("去年办了退休", True),
        ("还没退休", False),
        ("快退休了", False),
        ("我还没到退休年龄", False),
        ("明年退休", False),
        ("我在上班", None),
    ],
)
def test_chinese_retirement(text, retired):
    assert retirement_status(text) is retired


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("我爸爸去世了", "insured_person_died"),
        ("参保人身故", "insured_person_died"),
        ("我要出国定居", "leaving_country_before_retirement"),
        ("丧失国籍", "leaving_country_before_retirement"),
        ("我退休了，要出国定居", "retired_settled_abroad"),
        ("退休后去外地跟子女住", "retired_living_elsewhere"),
        ("退休异地安置", "retired_living_elsewhere"),
        ("新城市不接收", "transfer_balance_refused"),
        ("我还在上班，急用钱", "still_insured"),
        ("其他原因", "other"),
        ("你好", None),
    ],
)
def test_chinese_withdrawal_situations(text, situation):
    assert withdrawal_situation(text, find_entities(normalise_text(text))) == situation


@pytest.mark.parametrize(
    ("text", "schemes"),
    [
        ("职工基本医疗保险", ["employee"]),
        ("城乡居民医保", ["residents"]),
        ("新农合", ["residents"]),
        ("职工一保 (homophone)", ["employee"]),
        ("局民医保 (typo)", ["residents"]),
        ("居民的医保", ["residents"]),
    ],
)
def test_chinese_schemes(text, schemes):
    text = text.split(" (")[0]
    assert schemes_mentioned(text, find_entities(normalise_text(text))) == schemes


def facts_of(text, intent, topic, asked=None):
    text = normalise_text(text)
    return extract_facts(text, intent, find_entities(text), topic, asked, TODAY)


MESSAGES = [
    (
        "我断缴了三个多月，2025年3月10号补缴的，啥时候能用医保？",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"gap_days": 91, "payment_date": "2025-03-10", "back_paid": True},
    ),
    (
        "去年6月断缴，上个月补交了",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"interruption_date": "2025-06", "payment_date": "2026-10-22", "back_paid": True},
    ),
    (
        "从2025年1月开始停缴，2025年4月15日补缴",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"interruption_date": "2025-01", "payment_date": "2025-04-15", "back_paid": True},
    ),
    ("断了一百天，还没补缴，咋办", "ask_waiting_period", "waiting_period", None, {"gap_days": 100, "back_paid": False}),
    (
        "我断交了两个多月，上个月15号补交的，啥时候能报销",
        "ask_waiting_period",
        "waiting_period",
        None,
        {"gap_days": 61, "payment_date": "2026-10-15", "back_paid": True},
    ),
    (
        "今年3月份断的，6月份补上了",
        "inform",
        "waiting_period",
        None,
        {"interruption_date": "2026-03", "payment_date": "2026-06", "back_paid": True},
    ),
    ("要不要补缴？", "ask_waiting_period", "waiting_period", None, {}),
    ("两个月", "inform", "waiting_period", "gap_days", {"gap_days": 60}),
    ("四十五", "inform", "waiting_period", "gap_days", {"gap_days": 45}),
    ("不对，是120天", "inform", "waiting_period", "gap_days", {"gap_days": 120}),
    ("不是100天，是120天", "inform", "waiting_period", "gap_days", {"gap_days": 120}),
    ("不知道", "dont_know", "waiting_period", "payment_date", {"payment_date": "unknown"}),
    ("上周", "inform", "waiting_period", "payment_date", {"payment_date": "2026-11-15"}),
    ("是的", "inform", "waiting_period", "back_paid", {"back_paid": True}),
    ("没有", "inform", "waiting_period", "back_paid", {"back_paid": False}),
    (
        "我要从广州转到深圳，还没有找到工作",
        "ask_transfer",
        "transfer",
        None,
        {"new_city": "Shenzhen", "has_receiving_employer": False},
    ),
    ("去杭州，有新单位了", "ask_transfer", "transfer", None, {"new_city": "Hangzhou", "has_receiving_employer": True}),
    (
        "我职工医保和居民医保都交了，职工医保交了2年",
        "ask_duplicate_enrolment",
        "duplicate_enrolment",
        None,
        {"enrolment_pair": "employee_and_residents", "employee_years": 2.0},
    ),
    ("我是灵活就业，自己交的", "inform", "duplicate_enrolment", "stop_payer", {"stop_payer": "individual"}),
    ("单位交", "inform", "stop_insurance", "stop_payer", {"stop_payer": "employer"}),
    (
        "我没有单位，自己交的 (a denied payer is not the payer)",
        "ask_stop_insurance",
        "stop_insurance",
        None,
        {"stop_payer": "individual"},
    ),
    ("不是单位交的，是我自己交", "ask_stop_insurance", "stop_insurance", None, {"stop_payer": "individual"}),
    ("我交了居民医保后来又找到工作了", "ask_residents_refund", "residents_refund", None, {"paid_scheme": "residents"}),
    (
        "我父亲去世了，个人账户的钱能取吗",
        "ask_account_withdrawal",
        "account_withdrawal",
        None,
        {"withdrawal_situation": "insured_person_died"},
    ),
    (
        "我已经退休了，交了15年，当地要求25年",
        "ask_retirement",
        "retirement",
        None,
        {"reached_retirement_age": True, "contribution_years": 15.0, "required_years": 25.0},
    ),
    (
        "快退休了，交了十八年",
        "ask_retirement",
        "retirement",
        None,
        {"reached_retirement_age": False, "contribution_years": 18.0},
    ),
    ("二十五年", "inform", "retirement", "required_years", {"required_years": 25.0}),
    ("我斷繳了三個月 (traditional)", "ask_waiting_period", "waiting_period", None, {"gap_days": 90}),
]


@pytest.mark.parametrize(("text", "intent", "topic", "asked", "expected"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_chinese_messages_to_facts(text, intent, topic, asked, expected):
    assert facts_of(text.split(" (")[0], intent, topic, asked) == expected
