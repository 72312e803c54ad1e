"""Declared inputs of a rule and how raw values become typed facts.

A rule lists its inputs; callers (the dialogue, the command line, tests) hand in
raw values and `InputSpec.coerce` turns them into the typed value the rule
reads, or raises `InvalidInput` with a code the catalogue words for the citizen.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from policy_rules.errors import InvalidInput

#: The value a caller passes when the citizen said they do not know a fact.
#: An optional fact is then stored as None (its rule answers without it); any
#: other asked fact keeps this value, and its rule answers for every case
#: (see `Rule.evaluate`).
UNKNOWN = "unknown"

#: Which day a month-only date ("March 2025") is read as when both readings
#: give the same answer: the one that is safe for the citizen.
FIRST_DAY, LAST_DAY = "first", "last"


class MonthOnly(dt.date):
    """A date given as a month only ("2025-03"); held as the month's first day until the rule reads it.

    The rule is evaluated with the first and the last day of the month
    (`Rule.evaluate`): the same answer is given with the safe reading, and a
    different answer asks for the exact day.
    """

    def month_text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


_TRUE_WORDS = {"yes", "y", "true", "1"}
_FALSE_WORDS = {"no", "n", "false", "0"}
TEXT_MAX_LENGTH = 80


@dataclass(frozen=True)
class InputSpec:
    """One fact a rule reads (its description for citizens is `input.<name>.description` in the catalogue).

    kind: "bool", "days", "years", "date", "choice" or "text".
    asked: False for context facts the rule uses when given but never asks for.
    optional: the rule itself answers without the fact when the citizen answers "unknown" (it is read as None);
      every other asked fact may be "unknown" too, and the rule then answers for each of its declared cases.
    month_reading: the day a month-only date is read as when the answer does not depend on the day
      (FIRST_DAY or LAST_DAY: the reading that is safe for the citizen, written in the rule's docstring).
    maximum: largest accepted number (days or years); larger is treated as a typo.
    positive: zero is refused too, for numbers where 0 makes no sense (a requirement of 0 years).
    """

    name: str
    kind: str
    choices: tuple[str, ...] = ()
    asked: bool = True
    optional: bool = False
    maximum: float | None = None
    positive: bool = False
    month_reading: str = FIRST_DAY

    def invalid(self, code: str, **params: Any) -> InvalidInput:
        return InvalidInput(code, self.name, **params)

    def coerce(self, raw: Any) -> Any:
        """Return the typed value of `raw`: None for an unknown optional or context fact, UNKNOWN for another
        unknown asked fact."""
        if raw is None or (isinstance(raw, str) and raw.strip().lower() == UNKNOWN):
            if self.optional or not self.asked:
                return None
            return UNKNOWN
        if self.kind == "bool":
            return self._coerce_bool(raw)
        if self.kind == "days":
            return self._coerce_days(raw)
        if self.kind == "years":
            return self._number(raw, "years")
        if self.kind == "date":
            return self._coerce_date(raw)
        if self.kind == "choice":
            return self._coerce_choice(raw)
        return self._coerce_text(raw)

    def _coerce_bool(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        raise self.invalid("not_yes_or_no")

    def _number(self, raw: Any, unit: str) -> float:
        if isinstance(raw, bool):
            raise self.invalid(f"not_a_number.{unit}")
        try:
            number = float(str(raw).strip()) if isinstance(raw, str) else float(raw)
        except (TypeError, ValueError):
            raise self.invalid(f"not_a_number.{unit}") from None
        if math.isnan(number) or math.isinf(number):
            raise self.invalid(f"not_a_number.{unit}")
        if number < 0:
            raise self.invalid(f"negative.{unit}")
        if self.positive and number == 0:
            raise self.invalid(f"zero.{unit}")
        if self.maximum is not None and number > self.maximum:
            raise self.invalid(f"too_large.{unit}", number=number, maximum=self.maximum)
        return number

    def _coerce_days(self, raw: Any) -> int:
        number = self._number(raw, "days")
        if number != int(number):
            raise self.invalid("not_whole_days")
        return int(number)

    def _coerce_date(self, raw: Any) -> dt.date:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        text = str(raw).strip()
        try:
            if len(text) == 7:  # YYYY-MM: a month only; the rule decides which day it is read as
                first = dt.date.fromisoformat(text + "-01")
                return MonthOnly(first.year, first.month, 1)
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.invalid("not_a_date") from None

    def _coerce_choice(self, raw: Any) -> str:
        value = str(raw).strip().lower()
        if value in self.choices:
            return value
        raise self.invalid("not_a_choice")

    def _coerce_text(self, raw: Any) -> str:
        text = " ".join(str(raw).split())
        if not text or len(text) > TEXT_MAX_LENGTH:
            raise self.invalid("not_a_short_text")
        return text
