"""The lexicon, read once for everyone: entity label -> canonical value -> phrases, and the scheme stems.

The file is `understanding/lexicon.yml`. The span finder of the NLU pipeline
(`understanding.spans`) and the fact readers
(`understanding.choices`) all read it through this module, so a phrase or typo
listed there is both found and understood.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml

STEMS_KEY = "stems"


@functools.lru_cache(maxsize=1)
def _file() -> dict[str, Any]:
    text = (resources.files("understanding") / "lexicon.yml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def lexicon() -> dict[str, dict[str, list[str]]]:
    """Every label's phrases: {"scheme": {"employee": ["employee insurance", "职工医保", ...]}, ...}."""
    return {label: values for label, values in _file().items() if label != STEMS_KEY}


def stems(label: str) -> dict[str, list[str]]:
    """Word beginnings that name a value of `label` (only schemes have them): value -> stems."""
    label_stems: dict[str, list[str]] = _file().get(STEMS_KEY, {}).get(label, {})
    return label_stems


def normalise(phrase: str) -> str:
    """Lower case, apostrophes dropped, spaces collapsed: how phrases are compared."""
    return " ".join(phrase.lower().replace("'", "").replace("\u2019", "").split())


# "residents insurance" should also match "residents' insurance" and "resident's insurance".
POSSESSIVE_VARIANTS = (
    (re.compile(r"s\b"), "s'"),
    (re.compile(r"\b(employee|resident|worker|employer)\b"), r"\1's"),
)


def phrase_variants(phrase: str) -> set[str]:
    """The phrase in lower case, with and without apostrophes and with possessive forms."""
    phrase = phrase.lower()
    return {phrase, phrase.replace("'", "")} | {regex.sub(repl, phrase) for regex, repl in POSSESSIVE_VARIANTS}


def has_han(phrase: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in phrase)


def place_name(city: str, language: str) -> str:
    """A city as citizens of `language` write it: in Chinese its first Chinese phrase in the lexicon, otherwise
    its canonical name (a place the lexicon does not list stays as the citizen wrote it)."""
    if language == "zh":
        return next((phrase for phrase in lexicon()["city"].get(city, []) if has_han(phrase)), city)
    return city


@functools.cache
def phrase_values(label: str) -> dict[str, str]:
    """Every phrase of a label, normalised, mapped to its canonical value."""
    return {normalise(phrase): value for value, phrases in lexicon()[label].items() for phrase in phrases}


@functools.cache
def phrase_regex(label: str, chinese_only: bool = False) -> re.Pattern[str]:
    """One alternation of the label's phrases, longest first, matched on normalised text.

    Latin letters and digits must not continue a phrase on either side ("individual" is not found in
    "individually"); Chinese phrases need no boundary, as Chinese has no spaces."""
    phrases = sorted((p for p in phrase_values(label) if has_han(p) or not chinese_only), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![a-z0-9])")


@functools.cache
def stem_regexes(label: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(regex, value) per value with stems: a Latin stem begins a word; a Chinese stem is found anywhere."""
    found = []
    for value, value_stems in stems(label).items():
        latin = [re.escape(s) for s in value_stems if not has_han(s)]
        chinese = [re.escape(s) for s in value_stems if has_han(s)]
        parts = ([r"(?<![a-z])(?:" + "|".join(latin) + ")"] if latin else []) + chinese
        found.append((re.compile("|".join(parts), re.IGNORECASE), value))
    return tuple(found)
