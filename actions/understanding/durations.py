"""Durations in days, weeks, months and years, in digits or words.

Reading chosen (the rules count days): a month is 30 days, a year 365, a
week 7, and half a year is 6 months (180 days, like "6 months"). "more than 60 days" / "over 2 months" adds one day, "less than" /
"almost" takes one off, so a stated boundary is kept on the intended side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from number_parser import parse as words_to_digits

DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT_WORDS = {
    "day": ("day", "days", "dayz", "dys", "dyas"),
    "week": ("week", "weeks", "wk", "wks", "weks"),
    "month": ("month", "months", "monthes", "mnth", "mnths", "mth", "mths", "mont", "monts", "moths", "monhts",
              "mnoths", "montsh"),
    "year": ("year", "years", "yr", "yrs", "yera", "yeras", "yaers", "yeasr", "yeaar", "yeaars"),
}
UNIT_OF_WORD = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_UNIT_ALTERNATIVES = "|".join(sorted(UNIT_OF_WORD, key=len, reverse=True))
_QUANTITY = re.compile(rf"(\d+(?:\.\d+)?)\s*(?:-\s*)?({_UNIT_ALTERNATIVES})\b(\s+and\s+a\s+half)?")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")
_MORE = re.compile(r"\b(more than|over|longer than|above|beyond|in excess of)\s*$")
_LESS = re.compile(r"\b(less than|under|almost|nearly|not quite|shorter than|just under)\s*$")
_VAGUE_COUNTS = {"a couple of": "2", "couple of": "2", "a couple": "2", "a few": "3", "few": "3", "several": "3"}


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: str  # day, week, month, year
    adjust_days: int = 0  # +1 for "more than", -1 for "less than"

    @property
    def days(self) -> int:
        return max(0, round(self.amount * DAYS_PER_UNIT[self.unit]) + self.adjust_days)

    @property
    def years(self) -> float:
        if self.unit == "year":
            return max(0.0, self.amount + self.adjust_days / 365)
        if self.unit == "month":
            return max(0.0, self.amount / 12 + self.adjust_days / 365)
        return self.days / 365


def _digits(text: str) -> str:
    """Number words to digits, with halves and vague counts made explicit."""
    text = " " + text.lower().replace(",", " ") + " "
    text = re.sub(r"\bhalf\s+(?:a|an)?\s*year\b", "6 months", text)
    text = re.sub(r"\bhalf\s+(?:a|an)?\s*(month|week|day)\b", r"0.5 \1", text)
    for words, number in _VAGUE_COUNTS.items():
        text = re.sub(rf"\b{words}\b", number, text)
    text = words_to_digits(text)
    text = re.sub(rf"\b(?:a|an|one)\s+({_UNIT_ALTERNATIVES})\s+and\s+a\s+half\b", r"1.5 \1", text)
    text = re.sub(rf"\b(?:a|an|one)\s+and\s+a\s+half\s+({_UNIT_ALTERNATIVES})\b", r"1.5 \1", text)
    text = re.sub(rf"\b(\d+)\s+and\s+a\s+half\s+({_UNIT_ALTERNATIVES})\b", r"\1.5 \2", text)
    text = re.sub(rf"\b(?:a|an)\s+({_UNIT_ALTERNATIVES})\b", r"1 \1", text)
    return text


def parse_duration(text: str) -> Duration | None:
    """The first duration written in `text`, or None."""
    normal = _digits(text)
    match = _QUANTITY.search(normal)
    if not match:
        return None
    amount = float(match.group(1)) + (0.5 if match.group(3) else 0)
    before = normal[: match.start()]
    adjust = 1 if _MORE.search(before) else -1 if _LESS.search(before) else 0
    return Duration(amount, UNIT_OF_WORD[match.group(2)], adjust)


def parse_bare_number(text: str) -> float | None:
    """The one number in an answer that gives no unit ("45", "forty five", "about 20 I think")."""
    numbers = _NUMBER.findall(_digits(text))
    return float(numbers[0]) if len(numbers) == 1 else None
