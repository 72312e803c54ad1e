"""Where durations, dates, schemes, payers, cities and situations are written, in English and Chinese.

This is the entity finder the NLU pipeline uses (`nlu_components.entities`).
It reads the same lexicon and the same stems as the fact readers
(`understanding.lexicon`), and the same duration and date expressions as the
parsers (`understanding.durations`, `understanding.dates`), so whatever it
finds can be read. Like spaCy's entity ruler, it keeps the longest of
overlapping spans, then the earliest.

A duration's span includes the words that shift it by a day ("more than 60
days", 超过60天, 60天以上), so that reading the span alone gives the meant value.

All expressions are linear in the length of the text (no nested unbounded
quantifiers; numbers may not continue a longer number on their left), and
only the first MAX_CHARS characters are looked at.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from understanding.dates import YEAR_FIRST, ZH_DATE
from understanding.durations import UNIT_OF_WORD, ZH_DURATION, chinese_durations
from understanding.lexicon import has_han, lexicon, phrase_variants, stems
from understanding.text import MAX_CHARS

LABELS = ("duration", "date", "scheme", "payer", "city", "situation")


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    text: str

    def as_entity(self) -> dict:
        return {"entity": self.label, "value": self.text, "start": self.start, "end": self.end}


_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
# 45, 1.5, forty-five, a hundred and twenty, two
_COUNT = (
    rf"(?:(?<![\d.])\d{{1,6}}(?:\.\d{{1,2}})?|(?:an? )?{_NUMBER_WORD}(?:(?: {{1,2}}|-)(?:and )?{_NUMBER_WORD}){{0,4}})"
)
# "a couple of", "a few", "several" (understanding.durations reads them as numbers)
_VAGUE = r"(?:a )?(?:couple|few|several)(?: of)?"
_UNIT = "(?:" + "|".join(sorted((w for w in UNIT_OF_WORD if w.isascii()), key=len, reverse=True)) + ")"
_EN_DURATION = re.compile(
    rf"(?<![a-z])(?:"
    rf"{_COUNT}(?: ?-?ish|\+)?(?: {{0,2}}- {{0,2}}| {{0,2}})(?:and a half )?{_UNIT}(?: and a half)?"
    rf"|(?:an?|one) and a half {_UNIT}"
    rf"|(?:an?|one) {_UNIT}(?: and a half)?"
    rf"|half (?:an? )?{_UNIT}"
    rf"|{_VAGUE} {_UNIT}"
    rf")(?:,? (?:and |plus )?\d{{1,3}} {{0,2}}{_UNIT})?"  # "3 months and 10 days": one length
    rf"(?![a-z])",
    re.IGNORECASE,
)
_EN_SHIFT_BEFORE = re.compile(
    r"(?<![a-z])(?:more than|less than|longer than|shorter than|over|above|beyond|in excess of|under|just under|"
    r"almost|nearly|not quite) $",
    re.IGNORECASE,
)
_ZH_SHIFT_BEFORE = re.compile(r"(?:超过|超出|多于|大于|高于|不止|不到|少于|不足|未满|没满|不满|将近|接近|快要|快)$")
_ZH_SHIFT_AFTER = re.compile(r"以上|以下|不到")

_MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sept|sep|oct|nov|dec)"
)
_ANY_MONTH = rf"(?:{_MONTH}|may)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_EN_DATES = [
    re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", re.IGNORECASE)
    for pattern in (
        rf"{_DAY} (?:of )?{_ANY_MONTH}(?:,? {_YEAR})?",  # 10 March 2025, 10th of March
        rf"{_ANY_MONTH} (?:the )?{_DAY}(?:,? {_YEAR})?",  # March 10th, 2025; May 3
        rf"{_ANY_MONTH},? (?:of )?{_YEAR}",  # March 2025, May 2025
        rf"(?:(?:early|late|mid|beginning|start|end|middle)(?: of)? )?{_MONTH}",  # March, end of March
        rf"(?:last|this|next) {_ANY_MONTH}",  # last March, last May
        rf"(?:in|since|until|till|from|of) may(?: {_YEAR})?",  # in May (not the verb "may")
        r"\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})",  # 2025-03-10, 10/03/2025
        r"yesterday|today|tomorrow",
        # on the 5th (a day of the month, not "the 2nd time")
        r"(?:on )?the \d{1,2}(?:st|nd|rd|th)(?! (?:of )?(?:month|week|year|day|time|floor|century|anniversary))",
        r"(?:(?:end|beginning|start|middle)(?: of)? )?(?:last|this|next) (?:week|month|year)",
        r"(?:end|beginning|start|middle) of the (?:week|month|year)",
        rf"(?:{_COUNT} |an? |{_VAGUE} )?{_UNIT} ago",  # 3 months ago, a few weeks ago
        r"(?:(?:last|this|next|past|previous|coming|on) )?(?:mon|tues|wednes|thurs|fri|satur|sun)day",  # last Tuesday
    )
]


@functools.cache
def _phrase_finder(label: str) -> re.Pattern:
    """Every phrase of the label and its possessive variants; Latin words must not continue on either side."""
    variants = {
        variant for phrases in lexicon()[label].values() for phrase in phrases for variant in phrase_variants(phrase)
    }
    alternatives = sorted(variants, key=len, reverse=True)
    body = "|".join(r"\s{1,3}".join(re.escape(word) for word in variant.split()) for variant in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])", re.IGNORECASE)


_INSURANCE_WORD = r"(?:insur|insuar|insru|insurence|insrence|yibao|scheme|plan|one|coverage|cover)[a-z]{0,12}"
_QUALIFIER = r"(?: (?:medical|health|basic|healthcare))"
_ZH_INSURANCE = r"(?:的)?(?:基本)?(?:医疗保险|医疗|医保|保险|一保|医宝|依保)"


@functools.lru_cache(maxsize=1)
def _scheme_stem_finders() -> tuple[re.Pattern, ...]:
    """Scheme stems from the lexicon: a Latin stem begins a word followed by an insurance word
    ("emplyee's insurence"); a Chinese stem is followed by 医保, 保险... (居民的医保)."""
    all_stems = [stem for value_stems in stems("scheme").values() for stem in value_stems]
    latin = "|".join(re.escape(s) for s in all_stems if not has_han(s))
    chinese = "|".join(re.escape(s) for s in all_stems if has_han(s))
    return (
        re.compile(
            rf"(?<![a-z])(?:{latin})[a-z]{{0,12}}(?:'s|s'|'|\u2019s|\u2019)?{_QUALIFIER}{{0,3}} {_INSURANCE_WORD}"
            r"(?![a-z])",
            re.IGNORECASE,
        ),
        re.compile(rf"(?:{chinese}){_ZH_INSURANCE}"),
    )


def _candidates(text: str) -> list[Span]:
    found: list[tuple[str, int, int]] = []
    for match in _EN_DURATION.finditer(text):
        start = match.start()
        shift = _EN_SHIFT_BEFORE.search(text, max(0, start - 20), start)
        found.append(("duration", shift.start() if shift else start, match.end()))
    for (start, end), _ in chinese_durations(text):
        shift = _ZH_SHIFT_BEFORE.search(text, max(0, start - 4), start)
        after = _ZH_SHIFT_AFTER.match(text, end)
        found.append(("duration", shift.start() if shift else start, after.end() if after else end))
    for pattern in _EN_DATES:
        found += [("date", *m.span()) for m in pattern.finditer(text)]
    found += [("date", *m.span()) for m in YEAR_FIRST.finditer(text)]
    found += [("date", *m.span()) for m in ZH_DATE.finditer(text) if m.end() > m.start()]
    for finder in _scheme_stem_finders():
        found += [("scheme", *m.span()) for m in finder.finditer(text)]
    for label in ("scheme", "payer", "city", "situation"):
        found += [(label, *m.span()) for m in _phrase_finder(label).finditer(text)]
    return [Span(label, start, end, text[start:end]) for label, start, end in found if end > start]


def find_spans(text: str) -> list[Span]:
    """The entity spans of a (normalised) message, longest first among overlapping ones, in text order."""
    text = text[:MAX_CHARS]
    kept: list[Span] = []
    taken = bytearray(len(text))
    for span in sorted(_candidates(text), key=lambda s: (-(s.end - s.start), s.start)):
        if not any(taken[span.start : span.end]):
            kept.append(span)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    return sorted(kept, key=lambda s: s.start)


def find_entities(text: str) -> list[dict]:
    """find_spans as Rasa-style entity dicts: entity, value, start, end."""
    return [span.as_entity() for span in find_spans(text)]


__all__ = ["LABELS", "ZH_DURATION", "Span", "find_entities", "find_spans"]
