"""Calendar arithmetic the rules need: months after a month, deadlines, labels."""

from __future__ import annotations

import calendar
import datetime as dt


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, moved back to the month's last day if it has fewer days."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def month_label(day: dt.date) -> str:
    return f"{calendar.month_name[day.month]} {day.year}"


def date_label(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"
