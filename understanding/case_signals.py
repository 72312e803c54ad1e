"""What kind of case a message describes, from the facts it states rather than the question it asks.

A signal is a named fact about the situation, read from words and entities, not a
whole sentence: "moved" (two cities, a move from one place to another, a change of
job) and "gap" (a time without insurance between two enrolments). The dialogue's
routing table (actions/extract_facts.py) says which signals decide a topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from understanding.choices import values_in_text
from understanding.text import normalise_text

_MOVED = re.compile(
    r"\b(chang\w* (my )?(jobs?|employers?|compan(y|ies)|cit(y|ies))|switch\w* (jobs?|employers?|cit(y|ies))|"
    r"between (two |my )?(jobs|employers|companies|cities)|two (jobs|employers|companies|cities)|"
    r"new job|old job|previous job|another city|other city|different city|moved|moving|relocat\w*)\b"
    r"|换(了)?(工作|单位|公司|城市)|跳槽|新(单位|公司|工作)|原(来的)?(单位|公司)|老(单位|公司)|两(个|家)(单位|公司|城市)"
    r"|外地|异地|跨(省|市)|调动",  # 从A到B counts through its two cities: 从3月到5月 is no move
    re.IGNORECASE,
)
_GAP = re.compile(
    r"\b(gap|in between|meantime|meanwhile|break|lapsed?|unpaid period|period without|"
    r"(not|wasn'?t|weren'?t|no longer|without) (being )?(insured|covered|paying)|without (insurance|cover))\b"
    r"|中间|期间|空档|空窗|间隔|断了|断缴|断保|断交|停保|这段时间|那段时间|没交|没缴|没有参保|没参保|没有医保",
    re.IGNORECASE,
)
# No message names more cities than this; reading more would only cost time on adversarial text.
MAX_CITIES = 12


def case_signals(text: str, entities: Iterable[dict]) -> frozenset[str]:
    """The signals a message gives: "moved" and/or "gap"."""
    text = normalise_text(text)
    cities = [e for e in entities if e.get("entity") == "city"][:MAX_CITIES]
    signals = set()
    if len(set(values_in_text("city", text, cities))) >= 2 or _MOVED.search(text):
        signals.add("moved")
    if _GAP.search(text):
        signals.add("gap")
    return frozenset(signals)
