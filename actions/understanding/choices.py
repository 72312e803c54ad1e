"""Yes/no/don't-know answers and the choice-type facts (schemes, payers, situations).

Each function takes the text and the entities the spaCy pipeline found, and
returns a canonical value or None when the text does not say.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from rapidfuzz import fuzz, process

from spacy_pipeline.lexicon import normalise, phrase_values

YES = re.compile(
    r"^(yes|yeah|yea|yep|yup|ya|y|sure|correct|right|true|ok|okay|of course|definitely|absolutely|indeed|"
    r"i have|i did|i do|i will|it does|it did|that's right|exactly|affirmative|already paid|i(?:'ve| have)? paid|"
    r"paid|done|shi|dui|是|对|有)\b",
    re.IGNORECASE,
)
NO = re.compile(
    r"^(no|nope|nah|n|not really|not yet|never|negative|i haven't|i have not|i didn't|i did not|i don't|i do not|"
    r"i won't|i will not|it doesn't|it did not|none|bu|没有|不|否)\b",
    re.IGNORECASE,
)
DONT_KNOW = re.compile(
    r"\b(not sure|unsure|don'?t know|do not know|dunno|no idea|idk|can'?t remember|cannot remember|don'?t remember|"
    r"not certain|no clue|unknown|skip|no clue|haven'?t decided|not decided|bu zhidao|不知道)\b",
    re.IGNORECASE,
)


def yes_no(text: str, intent: str | None) -> bool | None:
    """True for yes, False for no, None when the answer is neither."""
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    stripped = text.strip()
    if DONT_KNOW.search(stripped):
        return None
    if YES.match(stripped):
        return True
    if NO.match(stripped):
        return False
    return None


def stated(text: str, yes: re.Pattern, no: re.Pattern) -> bool | None:
    """False when `no` matches, True when `yes` does, None when neither.

    The negation is tried first because it usually contains the affirmation ("not yet retired").
    """
    if no.search(text):
        return False
    if yes.search(text):
        return True
    return None


def says_dont_know(text: str, intent: str | None) -> bool:
    return intent == "dont_know" or bool(DONT_KNOW.search(text))


def lexicon_value(label: str, phrase: str, cutoff: float = 85) -> str | None:
    """The canonical value of a phrase: exact lexicon match, else the closest phrase above `cutoff`."""
    phrases = phrase_values(label)
    key = normalise(phrase)
    if key in phrases:
        return phrases[key]
    best = process.extractOne(key, phrases.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    return phrases[best[0]] if best else None


@functools.lru_cache(maxsize=None)
def _phrase_regex(label: str) -> re.Pattern:
    phrases = sorted(phrase_values(label), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in phrases) + r")\b")


def values_in_text(label: str, text: str, entities: Iterable[dict]) -> list[str]:
    """Canonical values of every `label` entity in the message, in order.

    Falls back to finding lexicon phrases in the text, then to a fuzzy match of
    a short answer, so typed answers work without an entity.
    """
    found = [value for e in entities if e.get("entity") == label and (value := lexicon_value(label, e["value"]))]
    if not found:
        found = [phrase_values(label)[match] for match in _phrase_regex(label).findall(normalise(text))]
    if not found and len(text.split()) <= 6:
        whole = lexicon_value(label, text, cutoff=85)
        if whole:
            found.append(whole)
    return found


SCHEME_STEMS = (
    (re.compile(r"\b(employ|emplo|worker|staff|zhigong|职工)", re.IGNORECASE), "employee"),
    (re.compile(r"\b(resid|recid|rural|cooperative|nong|居民|新农合)", re.IGNORECASE), "residents"),
)


def scheme_of(phrase: str) -> str | None:
    value = lexicon_value("scheme", phrase)
    if value:
        return value
    for stem, scheme in SCHEME_STEMS:
        if stem.search(phrase):
            return scheme
    return None


def schemes_mentioned(text: str, entities: Iterable[dict]) -> list[str]:
    """Schemes named in the message, in order of mention (repeats kept)."""
    named = [scheme for e in entities if e.get("entity") == "scheme" and (scheme := scheme_of(e["value"]))]
    if not named:
        named = [scheme for stem, scheme in SCHEME_STEMS if stem.search(text)]
    return named


_TWO = re.compile(r"\b(two|2|both|twice|double|second|another|other|duplicate|repeated|again)\b", re.IGNORECASE)
_JOB_CHANGE = re.compile(
    r"\b(chang\w* (my )?jobs?|switch\w* jobs?|new job|two jobs|two employers|two companies|old (job|employer|company)|"
    r"previous (job|employer|company)|both (jobs|employers|companies)|each job)\b",
    re.IGNORECASE,
)
_THROUGH_WORK = re.compile(r"\b(my job|from work|through work|my employer|my company|the company|work unit)\b",
                           re.IGNORECASE)


def enrolment_pair(text: str, entities: Iterable[dict]) -> str | None:
    """Which two kinds of insurance a person holds, from the schemes and counting words used.

    Insurance "from my job" / "through my employer" counts as employee insurance."""
    schemes = schemes_mentioned(text, entities) + ["employee"] * len(_THROUGH_WORK.findall(text))
    kinds = set(schemes)
    if kinds == {"employee", "residents"}:
        return "employee_and_residents"
    if _JOB_CHANGE.search(text) and kinds <= {"employee"}:
        return "two_employee"
    if len(kinds) == 1 and (len(schemes) > 1 or _TWO.search(text)):
        return "two_employee" if kinds == {"employee"} else "two_residents"
    return None


_RETIRED = re.compile(r"\b(retired|reached (the )?retirement age|pensioner|on a pension)\b", re.IGNORECASE)
_NOT_RETIRED = re.compile(
    r"\b(not (yet )?retired|haven'?t retired|retiring|will retire|about to retire|going to retire|"
    r"(before|until|till) (i |he |she |they )?retire|years? (to|until|till|before) retirement)\b",
    re.IGNORECASE,
)


def retirement_status(text: str) -> bool | None:
    """True when the person says they are retired, False when not yet, None when they don't say."""
    return stated(text, yes=_RETIRED, no=_NOT_RETIRED)


_ELSEWHERE = re.compile(r"\b(another city|other city|elsewhere|other place|another place|different city|long[- ]term)\b",
                        re.IGNORECASE)


def withdrawal_situation(text: str, entities: Iterable[dict]) -> str | None:
    """Why the citizen wants the personal-account money, combining the situation words with retirement."""
    found = set(values_in_text("situation", text, entities))
    retired = retirement_status(text) is True
    if "insured_person_died" in found:
        return "insured_person_died"
    if retired and found & {"retired_settled_abroad", "leaving_country_before_retirement"}:
        return "retired_settled_abroad"
    if retired and (found & {"retired_living_elsewhere", "moving_to_another_city"} or _ELSEWHERE.search(text)):
        return "retired_living_elsewhere"
    for situation in ("transfer_balance_refused", "leaving_country_before_retirement", "retired_settled_abroad",
                      "retired_living_elsewhere", "moving_to_another_city", "still_insured", "other"):
        if situation in found:
            return situation
    return None


_NO_EMPLOYER = re.compile(
    r"\b(no|without|not|(?:don'?t|do not|doesn'?t|does not) have|haven'?t (got|found)|have not (got|found)|yet to find|"
    r"looking for)\b(\W+\w+){0,3}?\W+"
    r"(employer|job|work|company|unit|offer)s?\b"
    r"|\b(unemployed|jobless|lost my job|quit|resigned|self[- ]?employed|freelanc\w*|flexibl\w* employ\w*|on my own)\b",
    re.IGNORECASE,
)
_HAS_EMPLOYER = re.compile(
    r"\b(new (job|employer|company|position|workplace)|found (a )?(job|work)|got (a )?(job|offer)|hired|job offer|"
    r"offer from|my company (is )?(moving|sending|transferring)|transferred by my (company|employer)|"
    r"with (a|my) (new )?(job|employer|company)|start(ing)? (a )?(job|work) (at|in|with))\b",
    re.IGNORECASE,
)


def has_receiving_employer(text: str) -> bool | None:
    """Whether an employer at the new place will take the person on, from how they describe the move."""
    return stated(text, yes=_HAS_EMPLOYER, no=_NO_EMPLOYER)
