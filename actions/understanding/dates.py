"""Dates in the forms people write them, parsed with dateparser.

Readings chosen: a date without a year is the most recent one not in the
future ("paid in March", asked in November, is this March); a month without a
day is its first day (the rules need the month); numeric dates are read day
first (10/03/2025 is 10 March), as in most English outside the US; "end of
March" is its last day and "mid March" the 15th.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import dateparser

from actions.understanding.durations import parse_duration

_YEAR_FIRST = [  # ISO and Chinese order: year, month, day
    re.compile(r"\b(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\b"),
    re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?"),
]
_RELATIVE = re.compile(r"\b(ago|last|this|next|before|after|earlier|later)\b", re.IGNORECASE)
_LEADING_WORDS = re.compile(r"^(?:(?:on|in|since|from|until|till|of|the|around|about)\s+)+", re.IGNORECASE)
_POSITION = re.compile(r"^(early|beginning of|start of|mid|middle of|late|end of)\s+(?:the\s+)?", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)


def _settings(today: dt.date, prefer: str) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def parse_date(text: str, today: dt.date, prefer: str = "past") -> dt.date | None:
    """The date written in `text` (one date, possibly with a few words around it), or None."""
    text = " ".join(text.strip().rstrip(".?!").split())
    for pattern in _YEAR_FIRST:
        match = pattern.search(text)
        if match:
            year, month, day = (int(part) if part else 1 for part in match.groups())
            return _safe_date(year, month, day)
    if parse_duration(text) and not _RELATIVE.search(text):  # "45 days" is a length of time, not a date
        return None
    text = _LEADING_WORDS.sub("", text)
    position = _POSITION.match(text)
    if position:
        text = text[position.end():]
    text = _ORDINAL.sub(r"\1", text)
    parsed = dateparser.parse(text, languages=["en"], settings=_settings(today, prefer))
    if parsed is None:
        return None
    day = parsed.date()
    if position:
        where = position.group(1).lower()
        if where in ("late", "end of"):
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        elif where in ("mid", "middle of"):
            day = day.replace(day=15)
        else:
            day = day.replace(day=1)
    return day


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
