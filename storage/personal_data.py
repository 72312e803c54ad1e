"""Mask personal numbers in what citizens type before it is stored.

A run of seven or more digits (single spaces or dashes between them allowed,
an optional +86 in front, an optional X at the end of an ID number) is read as
one number and replaced by what it most likely is:
  - 18 characters with a plausible birth date, or 15 digits: a resident ID number
  - 11 digits starting 13-19: a mobile phone number
  - 16 to 19 digits: a bank card number
  - any other: a number, masked all the same (landlines, social security numbers)
Dates written 2026-03-15 or 2026/3/15 are kept: the consultation needs them.
"""

from __future__ import annotations

import re

# ASCII boundaries: Chinese text often runs straight into a number (我的手机13812345678).
CANDIDATE = re.compile(r"(?<![A-Za-z0-9+])(?:\+?86[ -]?)?\d(?:[ -]?\d){6,}(?:[ -]?[Xx])?(?![A-Za-z0-9])")
DATE = re.compile(r"^\d{4}([-/.])\d{1,2}\1\d{1,2}$")
ID_18 = re.compile(r"^\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$")
MOBILE = re.compile(r"^(?:86)?1[3-9]\d{9}$")

ID_NUMBER, PHONE_NUMBER, BANK_CARD, OTHER_NUMBER = "[ID number]", "[phone number]", "[bank card number]", "[number]"


def kind_of_number(text: str) -> str | None:
    """The mask for one candidate, or None to keep it."""
    if DATE.match(text):
        return None
    compact = re.sub(r"[ +-]", "", text).upper()
    if ID_18.match(compact) or (len(compact) == 15 and compact.isdigit()):
        return ID_NUMBER
    if MOBILE.match(compact):
        return PHONE_NUMBER
    if 16 <= len(compact) <= 19 and compact.isdigit():
        return BANK_CARD
    return OTHER_NUMBER


def mask_personal_data(text: str) -> str:
    def replace(match: re.Match) -> str:
        return kind_of_number(match.group()) or match.group()

    return CANDIDATE.sub(replace, text)
