"""Declared inputs of a rule and how raw values become typed facts.

A rule lists its inputs; callers (the dialogue, the command line, tests) hand in
raw values and `InputSpec.coerce` turns them into the typed value the rule
reads, or raises `InvalidInput` with a code the catalogue words for the citizen.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from policy_rules.errors import InvalidInput

#: The value a caller passes when the citizen said they do not know an
#: optional fact. It is stored as None.
UNKNOWN = "unknown"

_TRUE_WORDS = {"yes", "y", "true", "1"}
_FALSE_WORDS = {"no", "n", "false", "0"}
TEXT_MAX_LENGTH = 80


@dataclass(frozen=True)
class InputSpec:
    """One fact a rule reads (its description for citizens is `input.<name>.description` in the catalogue).

    kind: "bool", "days", "years", "date", "choice" or "text".
    asked: False for context facts the rule uses when given but never asks for.
    optional: the citizen may answer "unknown"; the rule then answers for every case.
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

    def invalid(self, code: str, **params: Any) -> InvalidInput:
        return InvalidInput(code, self.name, **params)

    def coerce(self, raw: Any) -> Any:
        """Return the typed value of `raw`, or None for an unknown optional fact."""
        if raw is None or (isinstance(raw, str) and raw.strip().lower() == UNKNOWN):
            if self.optional or not self.asked:
                return None
            raise self.invalid("cannot_be_unknown")
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
            if len(text) == 7:  # YYYY-MM: the month is what the rules need; take its first day
                return dt.date.fromisoformat(text + "-01")
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
