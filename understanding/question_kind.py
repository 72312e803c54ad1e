"""Whether a question asks about the rule in general, about the citizen's own case, or both.

    >>> question_kind("How does the waiting period work?")
    'general'
    >>> question_kind("I stopped paying in March, when can I use my insurance again?", has_facts=True)
    'own'
    >>> question_kind("我断缴了两个月，一般要等多久才能报销？", has_facts=True)
    'both'

The cues, in English and Chinese:

- a *strong general* cue names the rule itself ("in general", "what is the rule", 一般, 规定, 政策) or asks how it
  works ("how does the waiting period work", "how is the amount worked out"): the question is general even when
  it says "I" ("what is the rule if I paid twice?", "how does the transfer work when I move?");
- a *weak general* cue is a way of asking ("how does", "what is", 怎么算, 是什么, 如何): general only when the
  message says nothing of the citizen ("I", "my", 我). Chinese often leaves "I" out, so 能不能, 可不可以 and 多久
  alone ask about the citizen's case (医保个人账户的钱能不能取出来？ is "can I take it out?"); with a strong cue
  (一般能不能…, 规定…多久) the question is general;
- a cue that asks for the citizen's case ("when can I", "my case", 我的情况, 帮我算) or tells it ("I stopped",
  我断缴): own;
- a fact (a duration or a date, `has_facts`) makes the question about the citizen's case: own, or both when a
  general cue asks for the rule as well (and nothing asks for the case alone).

A topic question without any cue ("residents' insurance refund") stays about the citizen's own case: the form
that works the case out is what the dialogue did before general answers existed.
"""

from __future__ import annotations

import re

GENERAL = "general"
OWN = "own"
BOTH = "both"
KINDS = (GENERAL, OWN, BOTH)


def _english(*phrases: str) -> re.Pattern[str]:
    """Whole-word phrases, case-insensitive; an apostrophe may be typed straight or curly, or left out."""
    words = [re.escape(phrase).replace("'", "['’]?") for phrase in phrases]
    return re.compile(r"(?<![a-z])(?:" + "|".join(words) + r")(?![a-z])", re.IGNORECASE)


def _chinese(*phrases: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(phrase) for phrase in phrases))


# "How does the waiting period work after I miss payments?", "how is the amount worked out": asks how the rule
# works, even when it says "I".
HOW_IT_WORKS = re.compile(
    r"\bhow (?:does|do|is|are|will) (?:the |a |an |this |that )?[\w' ]{1,40}? "
    r"(?:work|works|worked out|calculated|computed|determined|decided|counted)\b",
    re.IGNORECASE,
)
STRONG_GENERAL = (
    _english(
        "in general",
        "generally",
        "in principle",
        "what is the rule",
        "what are the rules",
        "whats the rule",
        "what's the rule",
        "the rules on",
        "the rules for",
        "the rule on",
        "the rule for",
        "the policy",
        "policy on",
        "what does the law say",
        "what do the rules say",
        "is it allowed",
        "is it legal",
        "can one",
        "does one",
        "can people",
        "can someone",
        "can anyone",
        "does anyone",
        "do people",
        "a person",
        "how does it work",
        "how does that work",
        "how do they work",
        "how it works",
        "explain",
    ),
    _chinese(
        "一般", "规定", "政策", "规则", "原则上", "法律", "怎么规定", "有什么要求", "大家", "别人", "有人", "通常"
    ),
    HOW_IT_WORKS,
)
WEAK_GENERAL = (
    _english(
        "how does",
        "how do",
        "how is",
        "how are",
        "how long",
        "how much",
        "what is",
        "whats",
        "what's",
        "what are",
        "what happens",
        "is there",
        "are there",
        "is it possible",
        "can you tell",
        "tell me about",
    ),
    _chinese(
        "怎么算",
        "如何计算",
        "怎么计算",
        "是什么",
        "什么是",
        "是否",
        "怎么办理",
        "如何",
        "什么情况",
    ),
)
ASKS_OWN = (
    _english(
        "my case",
        "my situation",
        "for me",
        "when can i",
        "when will i",
        "when do i",
        "will i",
        "can i still",
        "work out my",
        "calculate my",
        "how do i",
        "how can i",
        "how should i",
        "what should i",
        "what do i do",
    ),
    _chinese(
        "我的情况", "我这种情况", "我这情况", "帮我算", "给我算", "算一下我", "算一算我", "我什么时候", "我能什么时候"
    ),
)
# The citizen telling their story: their own case, unless the facts told come with a general question.
TELLS_OWN = (
    _english(
        "i stopped",
        "i paid",
        "i missed",
        "i moved",
        "i am moving",
        "i'm moving",
        "i joined",
        "i have been",
        "i've been",
        "i retire",
    ),
    _chinese("我已经", "我交了", "我缴了", "我停了", "我断缴", "我今年"),
)
WEAK_OWN = (_english("i", "me", "my", "mine", "i'm", "im", "i've", "ive", "i'd"), _chinese("我"))


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


def question_kind(text: str, has_facts: bool = False) -> str:
    """GENERAL, OWN or BOTH for one message; `has_facts`: a duration or date of the citizen's case was found in it."""
    asks_own = _any(ASKS_OWN, text)
    strong_general = _any(STRONG_GENERAL, text)
    general_cue = strong_general or _any(WEAK_GENERAL, text)
    if has_facts:
        return BOTH if general_cue and not asks_own else OWN
    if asks_own:
        return OWN
    if strong_general:  # "what is the rule if I paid twice?" asks for the rule
        return GENERAL
    if _any(TELLS_OWN, text):
        return OWN
    if general_cue and not _any(WEAK_OWN, text):
        return GENERAL
    return OWN
