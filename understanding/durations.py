"""Durations in days, weeks, months and years, in digits or words, in English or Chinese.

Reading chosen (the rules count days): a month is 30 days, a year 365, a
week 7, and half a year (半年) is 6 months (180 days, like "6 months").
"more than 60 days" / "over 2 months" / 超过60天 / 60天以上 adds one day,
"less than" / "almost" / 不到 / 将近 / 快 takes one off, so a stated boundary
is kept on the intended side. 多 after a number or unit means "more than" and
is read the same way: 三个多月 is more than three months, 91 days; 一年多 is
more than a year, 366 days; 100多天 is 101 days; 来 is "about" (十来天: 10 days),
and so are "-ish" (90-ish days); "100+ days" is more than 100. A part after 零 is added:
两个月零5天 is 65 days, and 零几天 ("and a few days") counts as "more than". 半 adds a half: 一年半 is
1.5 years, 两个半月 2.5 months (75 days), 半个月 15 days. A smaller second part in
English is added too: "3 months and 10 days" is 100 days, "1 year, 2 months" 425. 个月 is a length of
time; 3月 without 个 is March (a date), and a four-digit number before 年 is
a year (2025年), never a duration.

Only the first `MAX_CHARS` characters are read, and every expression runs in
time linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from understanding.numbers import NUMBER, chinese_numerals_to_digits, number_value
from understanding.text import MAX_CHARS, normalise_text

DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT_WORDS = {
    "day": ("day", "days", "dayz", "dys", "dyas"),
    "week": ("week", "weeks", "wk", "wks", "weks"),
    "month": (
        "month",
        "months",
        "monthes",
        "mnth",
        "mnths",
        "mth",
        "mths",
        "mo",
        "mos",
        "mont",
        "monts",
        "moths",
        "monhts",
        "mnoths",
        "montsh",
    ),
    "year": ("year", "years", "yr", "yrs", "yera", "yeras", "yaers", "yeasr", "yeaar", "yeaars"),
}
UNIT_OF_WORD = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
UNIT_OF_WORD |= {"天": "day", "周": "week", "星期": "week", "礼拜": "week", "月": "month", "年": "year"}
_UNIT_ALTERNATIVES = "|".join(sorted((w for w in UNIT_OF_WORD if w.isascii()), key=len, reverse=True))
# The number may not continue a longer number on its left: with the look-behind, a run of n digits
# is tried once, not n times (the square of its length).
_QUANTITY = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?) ?(?:- ?)?({_UNIT_ALTERNATIVES})\b( and a half)?")
_NUMBER = re.compile(r"(?<![A-Za-z\d.])(\d+(?:\.\d+)?)(?![A-Za-z\d.])")
# The smaller second part of a compound length: "3 months and 10 days", "1 year, 2 months" (commas are spaces here).
_AND_PART = re.compile(r" (?:and |plus )?")
_MORE = re.compile(r"\b(more than|over|longer than|above|beyond|in excess of) ?$")
_LESS = re.compile(r"\b(less than|under|almost|nearly|not quite|shorter than|just under) ?$")
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
# A run of number words ("a hundred and twenty", "forty-five"), read by _words_value. (number_parser,
# used before, took 0.5 s on a message of 2,000 characters and 5 ms on each short run.)
_NUMBER_WORDS = re.compile(rf"\b(?:an? )?{_NUMBER_WORD}(?:(?: |-)(?:and )?{_NUMBER_WORD}){{0,6}}\b")
_SMALL_VALUES = {
    word: value
    for value, word in enumerate(
        [
            "zero",
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
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
} | {
    word: 10 * tens
    for tens, word in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)
}


def _words_value(run: str) -> str:
    """'a hundred and twenty' -> '120', 'forty-five' -> '45'; a run that is not one number is kept."""
    total, current, last = 0, 0, None
    for word in run.replace("-", " ").split():
        if word in ("and", "a", "an"):
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        else:
            value = _SMALL_VALUES[word]
            if last is not None and (last < 10 or value >= 10 or last % 10):
                return run  # "one two", "twenty thirty": not one number
            current += value
            last = value
            continue
        last = None
    return str(total + current)


_VAGUE_COUNTS = {"a couple of": "2", "couple of": "2", "a couple": "2", "a few": "3", "few": "3", "several": "3"}
_VAGUE_COUNT = re.compile(r"\b(?:" + "|".join(_VAGUE_COUNTS) + r")\b", re.IGNORECASE)


def vague_counts_as_numbers(text: str) -> str:
    """ "a couple of" as 2, "a few" and "several" as 3: the counts people use for a length or a time ago."""
    return _VAGUE_COUNT.sub(lambda match: _VAGUE_COUNTS[match.group().lower()], text)


# 45天, 一百天, 两个月, 三个多月, 两个半月, 半年, 一年多, 一年半, 3周, 两个星期, 十多天
ZH_DURATION = re.compile(
    rf"(?<![第\d.零〇一二两三四五六七八九十百千万])"
    rf"(?:(?P<n>{NUMBER})(?P<many>多|来)?(?P<ge>个)?(?P<more>多|来)?(?P<half>半)?|(?P<half_only>半)(?P<half_ge>个)?)"
    r"(?P<unit>天|周|星期|礼拜|月|年)(?P<after>多|半|以上)?"
)
_ZH_DATE_AFTER_YEAR = re.compile(rf"{NUMBER}月")
# 两个月零5天, 一年零三个月, 两个月零几天: a second, smaller part after 零 ("and"); 几 ("a few") is read as "more than".
_ZH_AND_PART = re.compile(rf"又?零(?:(?P<n>{NUMBER})|(?P<few>几))(?P<ge>个)?(?P<unit>天|周|星期|礼拜|月)")
_ZH_MORE_BEFORE = re.compile(r"(超过|超出|多于|大于|高于|不止|以上)$")
_ZH_LESS_BEFORE = re.compile(r"(不到|少于|不足|未满|没满|不满|将近|接近|快要|快|差一点)$")
_ZH_LESS_AFTER = re.compile(r"^(不到|以下)")


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
    """Number words to digits, with halves and vague counts made explicit (English)."""
    text = " " + " ".join(text.lower().replace(",", " ").split()) + " "
    text = re.sub(r"\bhalf (?:an? )?year\b", "6 months", text)
    text = re.sub(r"\bhalf (?:an? )?(month|week|day)\b", r"0.5 \1", text)
    text = vague_counts_as_numbers(text)
    text = _NUMBER_WORDS.sub(lambda match: _words_value(match.group()), text)
    text = re.sub(rf"\b(?:a|an|one) ({_UNIT_ALTERNATIVES}) and a half\b", r"1.5 \1", text)
    text = re.sub(rf"\b(?:a|an|one) and a half ({_UNIT_ALTERNATIVES})\b", r"1.5 \1", text)
    text = re.sub(rf"\b(\d+) and a half ({_UNIT_ALTERNATIVES})\b", r"\1.5 \2", text)
    text = re.sub(rf"\b(?:an?) ({_UNIT_ALTERNATIVES})\b", r"1 \1", text)
    text = re.sub(r"\b(\d+(?:\.\d+)?) ?-?ish\b", r"\1", text)  # "90-ish days", "3ish months": about
    return re.sub(r"\b(\d+)\+ ?", r"more than \1 ", text)  # "100+ days"


def chinese_durations(text: str) -> Iterator[tuple[tuple[int, int], Duration]]:
    """Every Chinese duration in `text` (already normalised), with its (start, end), in order."""
    consumed = 0  # the end of a 零 part already added to the duration before it
    for match in ZH_DURATION.finditer(text):
        if match.start() < consumed:
            continue
        unit = match.group("unit")
        written = match.group("n")
        if unit == "月" and not (match.group("ge") or match.group("half_only")):
            continue  # 3月 is March
        if unit == "年" and written and (len(written) == 4 or _ZH_DATE_AFTER_YEAR.match(text, match.end())):
            continue  # 2025年, 25年3月: a year
        amount = 0.5 if match.group("half_only") else number_value(written)
        if amount is None:
            continue
        if match.group("half_only") and unit == "年":
            amount, unit = 6, "月"  # 半年 is six months, like "half a year"
        if match.group("half") or match.group("after") == "半":
            amount += 0.5
        before = text[max(0, match.start() - 4) : match.start()]
        after = text[match.end() : match.end() + 2]
        more = "多" in (match.group("many"), match.group("more")) or match.group("after") in ("多", "以上")  # 来: about
        adjust = 1 if more or _ZH_MORE_BEFORE.search(before) else 0
        if _ZH_LESS_BEFORE.search(before) or _ZH_LESS_AFTER.match(after):
            adjust = -1
        duration, end = Duration(amount, UNIT_OF_WORD[unit], adjust), match.end()
        part = _ZH_AND_PART.match(text, match.end())
        part_amount = 0 if part is None or part.group("few") else number_value(part.group("n"))
        if part and part_amount is not None:
            extra = part_amount * DAYS_PER_UNIT[UNIT_OF_WORD[part.group("unit")]]
            duration = Duration(duration.days + extra, "day", 1 if part.group("few") else 0)
            consumed = end = part.end()
        yield (match.start(), end), duration


def _english_duration(text: str) -> Duration | None:
    normal = _digits(text)
    match = _QUANTITY.search(normal)
    if not match:
        return None
    amount = float(match.group(1)) + (0.5 if match.group(3) else 0)
    before = normal[max(0, match.start() - 30) : match.start()]
    adjust = 1 if _MORE.search(before) else -1 if _LESS.search(before) else 0
    duration = Duration(amount, UNIT_OF_WORD[match.group(2)], adjust)
    joined = _AND_PART.match(normal, match.end())
    part = _QUANTITY.match(normal, joined.end()) if joined else None
    if part and DAYS_PER_UNIT[UNIT_OF_WORD[part.group(2)]] < DAYS_PER_UNIT[duration.unit]:  # "3 months and 10 days"
        extra = float(part.group(1)) * DAYS_PER_UNIT[UNIT_OF_WORD[part.group(2)]]
        return Duration(round(amount * DAYS_PER_UNIT[duration.unit] + extra), "day", adjust)
    return duration


def parse_duration(text: str) -> Duration | None:
    """The first duration written in `text` (its first MAX_CHARS characters), or None."""
    text = normalise_text(text, MAX_CHARS)
    chinese = next(chinese_durations(text), None)
    return chinese[1] if chinese else _english_duration(text)


def parse_bare_number(text: str) -> float | None:
    """The one number in an answer that gives no unit ("45", "forty five", "about 20 I think", "一百")."""
    text = chinese_numerals_to_digits(normalise_text(text, MAX_CHARS))
    numbers = _NUMBER.findall(_digits(text))
    return float(numbers[0]) if len(numbers) == 1 else None
