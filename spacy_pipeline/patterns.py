"""Token patterns for durations and dates, for spaCy's entity ruler.

They only find where a duration or a date is written; turning the text into
days or a calendar date is done by the parsers in `understanding`
(dates with dateparser), so these patterns stay deliberately simple.
"""

from __future__ import annotations

import re

from understanding.lexicon import has_han, stems

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]  # "may" is left out here: alone it is usually the verb; it is matched only next to a day or a year

UNIT_REGEX = (
    r"^(days?|dayz|dys|dyas|weeks?|wks?|weks|months?|monthes|mnths?|mths?|monts?|moths|monhts|mnoths|montsh"
    r"|years?|yrs?|yeras?|yaers|yeasr|yeaars?)$"
)
NUMBER_WORDS = [
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "couple",
    "several",
    "few",
]

_NUM = {"LIKE_NUM": True}
_UNIT = {"LOWER": {"REGEX": UNIT_REGEX}}
_DAY = {"LOWER": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
_YEAR = {"TEXT": {"REGEX": r"^(19|20)\d{2}$"}}
_MONTH = {"LOWER": {"IN": MONTHS}}
_ANY_MONTH = {"LOWER": {"IN": [*MONTHS, "may"]}}
_COMMA = {"ORTH": ",", "OP": "?"}

DURATION_PATTERNS = [
    # 45 days, 1.5 years, forty-five days, two and a half years
    [_NUM, {"ORTH": "-", "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}, _UNIT],
    [_NUM, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}, _UNIT],
    [_NUM, _UNIT, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}],
    # half a year, half year, a year and a half, a couple of months, a few weeks
    [{"LOWER": "half"}, {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, _UNIT],
    [{"LOWER": {"IN": ["a", "an", "one"]}}, _UNIT, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}],
    [{"LOWER": {"IN": ["a", "an"]}}, _UNIT],
    [{"LOWER": "a", "OP": "?"}, {"LOWER": {"IN": ["couple", "few"]}}, {"LOWER": "of", "OP": "?"}, _UNIT],
    # 45days, 3months
    [{"LOWER": {"REGEX": r"^\d+(\.\d+)?(days?|weeks?|months?|mths?|years?|yrs?)$"}}],
]

DATE_PATTERNS = [
    # 10 March 2025, 10th of March, 10 Mar, 10 May 2025
    [_DAY, {"LOWER": "of", "OP": "?"}, _ANY_MONTH, _COMMA, {**_YEAR, "OP": "?"}],
    # March 10, 2025; March 10th; May 3
    [_ANY_MONTH, {"LOWER": "the", "OP": "?"}, _DAY, _COMMA, {**_YEAR, "OP": "?"}],
    # March 2025, May 2025, March of 2025
    [_ANY_MONTH, {"LOWER": "of", "OP": "?"}, _YEAR],
    # March (alone), early March, end of March, last March
    [
        {"LOWER": {"IN": ["early", "late", "mid", "beginning", "start", "end", "middle"]}, "OP": "?"},
        {"LOWER": "of", "OP": "?"},
        _MONTH,
    ],
    [{"LOWER": {"IN": ["last", "this", "next"]}}, _ANY_MONTH],
    # in May, since May 2025 (the verb "may" is not preceded by these)
    [{"LOWER": {"IN": ["in", "since", "until", "till", "from", "of"]}}, {"LOWER": "may"}, {**_YEAR, "OP": "?"}],
    # 2025-03-10 (split by the tokenizer), 2025/3/10, 2025.03, 10/03/2025, 2025年3月10日
    [
        _YEAR,
        {"ORTH": "-"},
        {"TEXT": {"REGEX": r"^\d{1,2}$"}},
        {"ORTH": "-", "OP": "?"},
        {"TEXT": {"REGEX": r"^\d{1,2}$"}, "OP": "?"},
    ],
    [{"TEXT": {"REGEX": r"^\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?$"}}],
    [{"TEXT": {"REGEX": r"^\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})$"}}],
    [{"TEXT": {"REGEX": r"^\d{4}年\d{1,2}月(\d{1,2}日)?$"}}],
    # yesterday, last month, this week, 3 months ago, two weeks ago, end of last month
    [{"LOWER": {"IN": ["yesterday", "today", "tomorrow"]}}],
    [
        {"LOWER": {"IN": ["end", "beginning", "start", "middle"]}, "OP": "?"},
        {"LOWER": "of", "OP": "?"},
        {"LOWER": {"IN": ["last", "this", "next"]}},
        {"LOWER": {"IN": ["week", "month", "year"]}},
    ],
    [{"LOWER": {"IN": NUMBER_WORDS}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}, _UNIT, {"LOWER": "ago"}],
]

_APOSTROPHE = {"LOWER": {"IN": ["'", "'s", "s'", "\u2019", "\u2019s"]}, "OP": "?"}
_QUALIFIERS = {"LOWER": {"IN": ["medical", "health", "basic", "healthcare"]}, "OP": "*"}
_INSURANCE = {"LOWER": {"REGEX": r"^(insur|insuar|insru|insu?rence|yibao|scheme|plan|one|ones|coverage|cover)"}}


def _starts_with(word_stems: list[str]) -> dict:
    latin = [re.escape(stem.lower()) for stem in word_stems if not has_han(stem)]
    return {"LOWER": {"REGEX": "^(" + "|".join(latin) + ")"}}


# Scheme names with the spellings people actually type: plurals, apostrophes, typos. The stems are
# the lexicon's (`stems:` in lexicon.yml), which the fact reader uses too; Chinese stems are found
# by the Chinese span finder (understanding.spans), not by this English ruler.
SCHEME_PATTERNS = {
    value: [[_starts_with(word_stems), _APOSTROPHE, _QUALIFIERS, _INSURANCE]]
    for value, word_stems in stems("scheme").items()
}
