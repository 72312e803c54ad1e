"""Declared inputs of a rule and how raw values become typed facts.

A rule lists its inputs; callers (the dialogue, the command line, tests) hand in
raw values and `InputSpec.coerce` turns them into the typed value the rule
reads, or raises `InvalidInput` with a message the citizen can act on.
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


@dataclass(frozen=True)
class InputSpec:
    """One fact a rule reads.

    kind: "bool", "days", "years", "date", "choice" or "text".
    asked: False for context facts the rule uses when given but never asks for.
    optional: the citizen may answer "unknown"; the rule then answers for every case.
    maximum: largest accepted number (days or years); larger is treated as a typo.
    """

    name: str
    kind: str
    description: str
    choices: tuple[str, ...] = ()
    asked: bool = True
    optional: bool = False
    maximum: float | None = None

    def coerce(self, raw: Any) -> Any:
        """Return the typed value of `raw`, or None for an unknown optional fact."""
        if raw is None or (isinstance(raw, str) and raw.strip().lower() == UNKNOWN):
            if self.optional or not self.asked:
                return None
            raise InvalidInput(f"I need to know {self.description}; it cannot be left open.", self.name)
        return getattr(self, f"_coerce_{self.kind}")(raw)

    def _coerce_bool(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        raise InvalidInput(f"Please answer yes or no: {self.description}.", self.name)

    def _number(self, raw: Any, unit: str) -> float:
        if isinstance(raw, bool):
            raise InvalidInput(f"Please give {self.description} as a number of {unit}.", self.name)
        try:
            number = float(str(raw).strip()) if isinstance(raw, str) else float(raw)
        except (TypeError, ValueError):
            raise InvalidInput(f"Please give {self.description} as a number of {unit}, for example 45.", self.name) from None
        if math.isnan(number) or math.isinf(number):
            raise InvalidInput(f"Please give {self.description} as a number of {unit}.", self.name)
        if number < 0:
            raise InvalidInput(f"{self.description.capitalize()} cannot be negative; please give it in {unit}.", self.name)
        if self.maximum is not None and number > self.maximum:
            raise InvalidInput(
                f"{number:g} {unit} is more than I can accept for {self.description} "
                f"(at most {self.maximum:g}); please check the number.",
                self.name,
            )
        return number

    def _coerce_days(self, raw: Any) -> int:
        number = self._number(raw, "days")
        if number != int(number):
            raise InvalidInput(f"Please give {self.description} as a whole number of days.", self.name)
        return int(number)

    def _coerce_years(self, raw: Any) -> float:
        return self._number(raw, "years")

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
            raise InvalidInput(
                f"Please give {self.description} as a date, for example 2025-03-10 or 10 March 2025.", self.name
            ) from None

    def _coerce_choice(self, raw: Any) -> str:
        value = str(raw).strip().lower()
        if value in self.choices:
            return value
        options = "; ".join(choice.replace("_", " ") for choice in self.choices)
        raise InvalidInput(f"Please choose one of: {options} ({self.description}).", self.name)

    def _coerce_text(self, raw: Any) -> str:
        text = " ".join(str(raw).split())
        if not text or len(text) > 80:
            raise InvalidInput(f"Please give {self.description} in a few words.", self.name)
        return text
