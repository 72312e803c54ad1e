"""How facts are written in each language: dates, months and quantities (with Babel's locale data)."""

from __future__ import annotations

import datetime as dt
import string
from decimal import InvalidOperation
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from understanding.lexicon import place_name

LOCALES = {"en": "en_GB", "zh": "zh_CN"}  # en_GB: "10 March 2025", day before month
DATE_PATTERNS = {"en": ("d MMMM y", "MMMM y"), "zh": ("y年M月d日", "y年M月")}


def date_text(language: str, day: dt.date) -> str:
    return str(format_date(day, DATE_PATTERNS[language][0], locale=LOCALES[language]))


def month_text(language: str, day: dt.date) -> str:
    return str(format_date(day, DATE_PATTERNS[language][1], locale=LOCALES[language]))


def number_text(language: str, number: float) -> str:
    try:
        return str(format_decimal(number, locale=LOCALES[language]))
    except (InvalidOperation, OverflowError, ValueError):  # beyond what Babel rounds: a typo of a number
        return f"{number:g}"


def plural_category(language: str, number: float) -> str:
    return str(Locale.parse(LOCALES[language]).plural_form(number))


class LanguageFormatter(string.Formatter):
    """str.format with language-aware fields.

    {day}            a date: "10 March 2025" / "2025年3月10日"
    {day:month}      its month: "March 2025" / "2025年3月"
    {n}              a number: "2.5"
    {n:years}        a quantity with its unit, e.g. "2 years" / "2年" (the catalogue's quantity.years.* texts)
    {city:place}     a city by its name in the language: "Shenzhen" / "深圳" (understanding/lexicon.yml)
    """

    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in ("years", "months", "days"):
            from text_catalogue import say  # the unit words are catalogue texts

            return say(
                self.language,
                f"quantity.{format_spec}.{plural_category(self.language, value)}",
                n=number_text(self.language, value),
            )
        if format_spec == "place":
            return place_name(str(value), self.language)
        if isinstance(value, dt.date):
            return month_text(self.language, value) if format_spec == "month" else date_text(self.language, value)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not format_spec:
            return number_text(self.language, value)
        return str(super().format_field(value, format_spec))
