"""Dates in the forms people write them, in English (with dateparser) and in Chinese.

Readings chosen: a date without a year is the most recent one not in the
future ("paid in March" / 3月10号, asked in November, is this March), unless
the caller prefers the future (the next one not in the past: "my job ends on
10 March", asked in November, is next March) or the nearest of the two
(`prefer="nearest"`; a tie goes to the past). Today's own date is both past and
future. 29 February is the most recent (or next) one that exists, in a leap
year. Which of them a fact prefers is the caller's choice, from the tense of the
words around the date (`tense_of`); a month
without a day is its first day (the rules need the month); numeric dates are
read day first (10/03/2025 is 10 March), as in most English outside the US;
"end of March" / 3月底 is its last day and "mid March" / 3月中 the 15th.
Chinese relative dates read like their English words: 上个月 is "last month"
(the same day a month ago), 上周 "last week", 三个月前 "3 months ago",
去年6月 June of last year, 今年三月 March of this year, 10号 the most recent
10th, 上个月15号 the 15th of last month. A two-digit year before 年 and a month (25年3月) is in this century.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateparser.date import DateDataParser

from understanding.durations import parse_duration, vague_counts_as_numbers
from understanding.numbers import NUMBER, number_value
from understanding.text import MAX_CHARS, normalise_text

# ISO order: year, month, day (2025-03-10, 2025/3/10, 2025.3.10, 2025.03)
YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_RELATIVE = re.compile(r"\b(ago|last|this|next|before|after|earlier|later)\b", re.IGNORECASE)
_LEADING_WORDS = re.compile(r"^(?:(?:on|in|since|from|until|till|of|the|around|about) )+", re.IGNORECASE)
_POSITION = re.compile(r"^(early|beginning of|start of|mid|middle of|late|end of) (?:the )?", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)

_SMALL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR_WORDS = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1}
_POSITION_WORDS = {"初": "start", "上旬": "start", "中": "mid", "中旬": "mid", "底": "end", "末": "end", "下旬": "end"}
_RELATIVE_WORDS = {  # Chinese relative dates in the English words the English reader already reads
    "昨天": "yesterday",
    "前天": "2 days ago",
    "今天": "today",
    "上个月": "last month",
    "上月": "last month",
    "这个月": "this month",
    "本月": "this month",
    "下个月": "next month",
    "下月": "next month",
    "上周": "last week",
    "上个星期": "last week",
    "上星期": "last week",
    "上个礼拜": "last week",
    "上礼拜": "last week",
    "这周": "this week",
    "本周": "this week",
    "这个星期": "this week",
    "这星期": "this week",
    "去年": "last year",
    "今年": "this year",
}
_AGO_UNITS = {"天": "days", "周": "weeks", "个星期": "weeks", "个礼拜": "weeks", "个月": "months", "年": "years"}

# Every Chinese way of writing a date that is read here; the span finder uses it too.
ZH_DATE = re.compile(
    rf"(?:(?P<y>(?<!\d)\d{{4}}|(?<!\d)\d{{2}}|[零〇一二三四五六七八九]{{4}})年|(?P<ry>今年|本年|去年|前年|明年)(?:的)?)?"
    rf"(?P<m>(?<![\d个]){_SMALL})月份?(?:(?P<d>{_SMALL})[日号])?(?P<mpos>上旬|中旬|下旬|初|中|底|末)?"
    rf"|(?P<yw>今年|本年|去年|前年|明年)(?:年)?(?P<ypos>初|底|末)?"
    rf"|(?P<rel>昨天|前天|今天|上个月|上月|这个月|本月|下个月|下月|上周|上个星期|上星期|上个礼拜|上礼拜|这周|本周"
    rf"|这个星期|这星期)(?:(?P<rd>{_SMALL})[日号]|(?P<rpos>初|底|末|中)|(?P<rwd>[一二三四五六日天]))?"
    rf"|(?P<n>{NUMBER})(?P<u>天|周|个星期|个礼拜|个月|年)(?:以)?前"
    rf"|(?<![\d月])(?P<dd>{_SMALL})号"
    rf"|(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"
    rf"|(?<![\d个本上下这零〇一二两三四五六七八九十])月(?P<bpos>底|末|初)"  # 月底 alone: this month's end
)
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEKDAYS = {
    **{day: n for n, day in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{day: n for n, day in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_EN_WEEKDAY = re.compile(
    r"^(?:(last|past|previous|this|next|coming) )?(" + "|".join(sorted(_EN_WEEKDAYS, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)


class MonthDate(dt.date):
    """A date written as a month only: held as the month's first day, written YYYY-MM."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


def _month_of(day: dt.date | None) -> MonthDate | None:
    return MonthDate(day.year, day.month, 1) if day else None


def _settings(today: dt.date, prefer: str) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _at(day: dt.date, position: str | None) -> dt.date:
    if position == "end":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if position == "mid":
        return day.replace(day=15)
    if position == "start":
        return day.replace(day=1)
    return day


# 29 February comes back within 8 years (1900-style century gaps aside).
LEAP_SEARCH_YEARS = 9


def _most_recent(today: dt.date, month: int, day: int, prefer: str) -> dt.date | None:
    """The month/day this year, or the year before when that is in the future (the year after, when that
    is in the past and the future is preferred); 29 February in the nearest leap year that direction."""
    step = 1 if prefer == "future" else -1
    for offset in range(LEAP_SEARCH_YEARS):
        candidate = _safe_date(today.year + step * offset, month, day)
        if candidate is None or (step < 0 and candidate > today) or (step > 0 and candidate < today):
            continue
        return candidate
    return None


def _chinese_date(match: re.Match, today: dt.date, prefer: str) -> dt.date | None:
    if match.group("m"):
        month = number_value(match.group("m"))
        day = number_value(match.group("d")) if match.group("d") else 1
        if month is None or day is None:
            return None
        position = _POSITION_WORDS.get(match.group("mpos") or "")
        if match.group("y"):
            year = int(number_value(match.group("y")) or 0)
            year += 2000 if year < 100 else 0
            found = _safe_date(year, int(month), int(day))
        elif match.group("ry"):
            found = _safe_date(today.year + _YEAR_WORDS[match.group("ry")], int(month), int(day))
        else:
            found = _most_recent(today, int(month), int(day), prefer)
        if match.group("d"):
            return found
        return _at(found, position) if found and position else _month_of(found)
    if match.group("yw"):
        year = today.year + _YEAR_WORDS[match.group("yw")]
        position = _POSITION_WORDS.get(match.group("ypos") or "")
        if position == "end":
            return dt.date(year, 12, 31)
        if position == "start":
            return dt.date(year, 1, 1)
        return _english(_RELATIVE_WORDS.get(match.group("yw"), ""), today, prefer)
    if match.group("rel") and match.group("rwd"):  # 上周二: the Tuesday of last week (weeks start on Monday)
        monday = today - dt.timedelta(days=today.weekday())
        weeks_back = 1 if match.group("rel").startswith("上") else 0
        return monday - dt.timedelta(weeks=weeks_back) + dt.timedelta(days=_ZH_WEEKDAYS[match.group("rwd")])
    if match.group("bpos"):
        return _at(today, _POSITION_WORDS[match.group("bpos")])
    if match.group("wd"):  # 周二 alone: the nearest Tuesday in the preferred direction
        return _weekday(today, _ZH_WEEKDAYS[match.group("wd")], prefer)
    if match.group("rel"):
        relative = _english(_RELATIVE_WORDS[match.group("rel")], today, prefer)
        if relative and match.group("rd"):  # 上个月15号: that day of that month
            day_of_month = number_value(match.group("rd"))
            return _safe_date(relative.year, relative.month, int(day_of_month)) if day_of_month else None
        position = _POSITION_WORDS.get(match.group("rpos") or "")
        return _at(relative, position) if relative and position else relative
    if match.group("n"):
        amount = number_value(match.group("n"))
        if amount is None or not amount.is_integer():
            return None
        return _english(f"{int(amount)} {_AGO_UNITS[match.group('u')]} ago", today, prefer)
    if match.group("dd"):
        day_of_month = number_value(match.group("dd"))
        if day_of_month is None:
            return None
        candidate = _safe_date(today.year, today.month, int(day_of_month))
        if prefer == "future" and (candidate is None or candidate < today):
            next_month = today.replace(day=28) + dt.timedelta(days=4)
            return _safe_date(next_month.year, next_month.month, int(day_of_month))
        if candidate is None or (prefer != "future" and candidate > today):
            last_month = today.replace(day=1) - dt.timedelta(days=1)
            candidate = _safe_date(last_month.year, last_month.month, int(day_of_month))
        return candidate
    return None


def _weekday(today: dt.date, weekday: int, prefer: str, skip_today: bool = False) -> dt.date:
    """The nearest day with this weekday: the past one or (prefer future) the coming one; today counts unless
    `skip_today` ("last Tuesday" said on a Tuesday is a week ago)."""
    back = (today.weekday() - weekday) % 7 or (7 if skip_today else 0)
    ahead = (weekday - today.weekday()) % 7 or (7 if skip_today else 0)
    return today + dt.timedelta(days=ahead) if prefer == "future" else today - dt.timedelta(days=back)


def _english(text: str, today: dt.date, prefer: str) -> dt.date | None:
    if parse_duration(text) and not _RELATIVE.search(text):  # "45 days" is a length of time, not a date
        return None
    text = _LEADING_WORDS.sub("", text)
    weekday = _EN_WEEKDAY.match(text.strip())
    if weekday:  # "last Tuesday": the latest one before today; "next Tuesday": the first one after
        which = (weekday.group(1) or "").lower()
        direction = {"last": "past", "past": "past", "previous": "past", "next": "future", "coming": "future"}
        return _weekday(today, _EN_WEEKDAYS[weekday.group(2).lower()], direction.get(which, prefer), bool(which))
    text = vague_counts_as_numbers(text)  # "a couple of days ago": counts dateparser does not read
    position = _POSITION.match(text)
    if position:
        text = text[position.end() :]
        text = re.sub(r"^(month|week|year)$", r"this \1", text, flags=re.IGNORECASE)  # "end of the month"
    text = _ORDINAL.sub(r"\1", text)
    if not text or len(text) > 200:  # a date is a few words; dateparser's time grows with the text
        return None
    parsed = DateDataParser(languages=["en"], settings=_settings(today, prefer)).get_date_data(text)
    if parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    if parsed.period == "month" and not position and not _RELATIVE.search(text):
        return _month_of(day)
    if position:
        where = position.group(1).lower()
        at = "end" if where in ("late", "end of") else "mid" if where in ("mid", "middle of") else "start"
        return _within(day, parsed.period, at)
    return day


def _within(day: dt.date, period: str | None, at: str) -> dt.date:
    """The start, middle or end of the year, week or month `day` is in ("end of this year": 31 December)."""
    if period == "year":
        return {"start": dt.date(day.year, 1, 1), "mid": dt.date(day.year, 7, 1), "end": dt.date(day.year, 12, 31)}[at]
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday + dt.timedelta(days={"start": 0, "mid": 3, "end": 6}[at])
    return _at(day, at)


# Words that put the date of their clause in the future: "will", "going to", "ends", 要, 打算, 下个月...
# 要 is not the one of 需要/要求/只要/主要/重要/要不要, 会 not the one of 社会, 将 not the one of 将近.
FUTURE_CUE = re.compile(
    r"\b(will|shall|going to|gonna|plan(?:ning)? to|intend(?:ing)? to|about to|next|upcoming|coming|soon|"
    r"ends|ending|expires|expiring|starts|starting|scheduled|due)\b|\w'll\b"
    r"|(?<![需只主重])要(?![求不])|将(?!近)|打算|准备|计划|即将|下个?月|下周|下个?星期|明年|(?<!社)会(?![计员议])",
    re.IGNORECASE,
)


# Words that put it in the past: a verb in the past tense, 了/过/已.
PAST_CUE = re.compile(
    r"\b(was|were|did|had|ended|paid|stopped|left|quit|lost|started|finished|expired|resumed|lapsed|terminated|"
    r"cancell?ed|ago|last|already)\b|了|过|已",
    re.IGNORECASE,
)


def tense_of(words: str) -> str | None:
    """ "future" or "past" as the words around a date say, or None; the future wins ("要离职了": about to leave)."""
    if FUTURE_CUE.search(words):
        return "future"
    return "past" if PAST_CUE.search(words) else None


def parse_date(text: str, today: dt.date, prefer: str = "past") -> dt.date | None:
    """The date written in `text` (one date, possibly with a few words around it), or None.

    prefer: "past", "future" or "nearest": which reading of a date without a year (see the module docstring)."""
    if prefer == "nearest":
        past, future = _parse(text, today, "past"), parse_date(text, today, "future")
        if past is None or future is None:
            return past or future
        return future if future - today < today - past else past
    if prefer == "future":
        past = _parse(text, today, "past")
        if past is None or past >= today or _is_this_month(past, today):  # today, this month, or a written year
            return past
        return _parse(text, today, "future")
    return _parse(text, today, prefer)


# A day alone as the whole answer, in the way parse_date does not take it (10日 elsewhere may be a length: 60日内).
_DAY_ALONE = re.compile(rf"^(?:the )?(?P<d>{_SMALL})(?:日|号|st|nd|rd|th)?$", re.IGNORECASE)


def parse_day_in_month(text: str, month: dt.date) -> dt.date | None:
    """The date given in answer to "which day of <month>?": a year as written; without a year, the date nearest
    the month asked ("8月10号" asked about August 2025 is 10 August 2025, not the most recent 10 August); a day
    alone ("10", "10日", "the 10th") is that day of the month asked."""
    alone = _DAY_ALONE.match(" ".join(normalise_text(text, MAX_CHARS).strip().rstrip(".?!。？！").split()))
    day = number_value(alone.group("d")) if alone else None
    if day is not None:
        return _safe_date(month.year, month.month, int(day))
    return parse_date(text, month.replace(day=15), "nearest")


def _is_this_month(day: dt.date, today: dt.date) -> bool:
    return isinstance(day, MonthDate) and (day.year, day.month) == (today.year, today.month)


def _parse(text: str, today: dt.date, prefer: str) -> dt.date | None:
    text = " ".join(normalise_text(text, MAX_CHARS).strip().rstrip(".?!。？！").split())
    match = YEAR_FIRST.search(text)
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        found = _safe_date(year, month, day)
        return found if match.group(3) else _month_of(found)
    chinese = ZH_DATE.search(text)
    if chinese:
        return _chinese_date(chinese, today, prefer)
    return _english(text, today, prefer)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
