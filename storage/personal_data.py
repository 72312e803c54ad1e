"""Mask personal numbers in what citizens type before it is stored.

A run of seven or more digits (single spaces or dashes between them allowed,
an optional +86 in front, an optional X at the end of an ID number) is read as
one number and replaced by what it most likely is:
  - a resident ID number: 18 characters whose check digit python-stdnum's cn.ric
    accepts, or the old 15-digit form with a plausible birth date
  - a mobile phone number: 11 digits starting 13-19
  - a bank card number: 16 to 19 digits whose Luhn check digit is right
  - any other: a number (landlines, mistyped IDs and cards, social security numbers)
Dates written 2026-03-15 or 2026/3/15 are kept: the consultation needs them.

Two strengths:
  - mask_personal_data (the consultation log): every such number is masked.
  - mask_personal_numbers (what a channel passes into a conversation, before the
    tracker store sees it): ID, mobile and card numbers and every run of 15 or
    more digits; shorter numbers stay, since amounts ("1200000 yuan") and compact
    dates ("20260315") can be facts a rule needs.
"""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.cn import ric

# ASCII boundaries: Chinese text often runs straight into a number (我的手机13812345678).
CANDIDATE = re.compile(r"(?<![A-Za-z0-9+])(?:\+?86[ -]?)?\d(?:[ -]?\d){6,}(?:[ -]?[Xx])?(?![A-Za-z0-9])")
DATE = re.compile(r"^\d{4}([-/.])\d{1,2}\1\d{1,2}$")
OLD_ID_15 = re.compile(r"^\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$")
MOBILE = re.compile(r"^(?:86)?1[3-9]\d{9}$")
LONG_RUN_DIGITS = 15  # no fact a rule needs is a number this long

ID_NUMBER, PHONE_NUMBER, BANK_CARD, OTHER_NUMBER = "[ID number]", "[phone number]", "[bank card number]", "[number]"


def kind_of_number(text: str) -> str | None:
    """The mask for one candidate, or None to keep it."""
    if DATE.match(text):
        return None
    compact = re.sub(r"[ +-]", "", text).upper()
    if ric.is_valid(compact) or OLD_ID_15.match(compact):
        return ID_NUMBER
    if MOBILE.match(compact):
        return PHONE_NUMBER
    if 16 <= len(compact) <= 19 and compact.isdigit() and luhn.is_valid(compact):
        return BANK_CARD
    return OTHER_NUMBER


def mask_personal_data(text: str) -> str:
    """Every number of seven digits or more masked (the consultation log)."""

    def replace(match: re.Match) -> str:
        return kind_of_number(match.group()) or match.group()

    return CANDIDATE.sub(replace, text)


def mask_personal_numbers(text: str) -> str:
    """ID, mobile and bank card numbers and very long numbers masked; other numbers kept (conversations)."""

    def replace(match: re.Match) -> str:
        kind = kind_of_number(match.group())
        digits = sum(character.isdigit() for character in match.group())
        if kind == OTHER_NUMBER and digits < LONG_RUN_DIGITS:
            return match.group()
        return kind or match.group()

    return CANDIDATE.sub(replace, text)
