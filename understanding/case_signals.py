"""What kind of case a message describes, from the facts it states rather than the question it asks.

A signal is a named fact about the situation, read from words and entities, not a
whole sentence: "moved" (a change of place: two cities, a move, a transfer of the
insurance between places), "job_change" (a change of employer, which alone says
nothing of the place), "gap" (a time without insurance or payments, also told by
the payment that made it up) and "insured_twice" (two enrolments said or
named: "insured twice", 重复参保, "residents and employee", 两份职工医保). The
dialogue's routing table (actions/extract_facts.py) says which signals decide a
topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from understanding.choices import enrolment_pair, schemes_mentioned, values_in_text
from understanding.text import normalise_text

_MOVED = re.compile(
    r"\b(chang\w* (my |the )?(cit(y|ies)|provinces?|places?)|switch\w* (cit(y|ies)|provinces?)|"
    r"between (two |the )?(cities|provinces|places)|two (cities|provinces|places|insurances)|"
    r"(new|old|previous|former|next|other|another|different) (city|cities|place|places|province|provinces|"
    r"insurance|insurances|insured place)|"
    r"mov(e|ed|es|ing)|relocat\w*|transferr?(ed|ing|s)?|transfer)\b"
    r"|换(了)?(城市|地方)|新(城市|地方)|(之前|以前|原来)的医保|老医保|原医保|原(来的)?城市|老家|两个城市|两地|不同(的)?城市|外地|异地|跨(省|市)|"
    r"转移|转入|转出|转(医保|关系)|(原|新)参保地|(去|到|调到|搬到)[\u4e00-\u9fff]{2,4}(工作|入职|上班)",
    # 从A到B counts through its two cities: 从3月到5月 is no move
    re.IGNORECASE,
)
# Broader than the cue of two employee enrolments in understanding.choices: leaving a job counts here.
_JOB_CHANGE = re.compile(
    r"\b(chang\w* (my )?(jobs?|employers?|compan(y|ies))|switch\w* (jobs?|employers?|compan(y|ies))|"
    r"between (two |my )?(jobs|employers|companies)|two (jobs|employers|companies)|"
    r"(new|old|previous|former|next) (job|employer|company)|quit|left my job|lost my job|laid off|resign\w*)\b"
    r"|换(了)?(工作|单位|公司)|跳槽|新(单位|公司|工作)|原(来的)?(单位|公司)|老(单位|公司)|两(个|家|份)(单位|公司|工作)|"
    r"离职|辞职|入职|调动|倒闭|裁员",
    re.IGNORECASE,
)
_GAP = re.compile(
    r"\b((?<!no )(?<!without a )gap|in between|meantime|meanwhile|break|lapsed?|unpaid period|period without|arrears|"
    r"stopp?(ed)? (paying|contributing)|missed (\w+ )?(payments?|contributions?|months?)|"
    r"paid (it )?back|back[- ]?pa(y|id|yment)|made up|(started|start|began) paying again|paid again|resum\w* pay\w*|"
    r"no (insurance|cover)|uninsured|"
    r"(not|wasn'?t|weren'?t|no longer|without) (being )?(insured|covered|paying)|without (insurance|cover))\b"
    r"|中间|期间|空档|空窗|间隔|断了|断缴|断保|断交|停保|停缴|停交|补缴|补交|欠费|这段时间|那段时间|没交|没缴|没有参保|没参保|没有医保|重新参保|重新缴费|续上|续交|恢复缴费",
    re.IGNORECASE,
)
_TWICE = re.compile(
    r"\b(insured twice|enrolled twice|two (medical |health )?insurances|double[- ]insur\w*|"
    r"duplicate (insurance|enrol\w*)|both insurances)\b|重复参保|两份医保|两个医保|交重了|交重复|重复交",
    re.IGNORECASE,
)
# No message names more cities than this; reading more would only cost time on adversarial text.
MAX_CITIES = 12


def case_signals(text: str, entities: Iterable[dict]) -> frozenset[str]:
    """The signals a message gives: any of "moved", "job_change", "gap" and "insured_twice"."""
    text = normalise_text(text)
    cities = [e for e in entities if e.get("entity") == "city"][:MAX_CITIES]
    signals = set()
    if len(set(values_in_text("city", text, cities))) >= 2 or _MOVED.search(text):
        signals.add("moved")
    if _JOB_CHANGE.search(text):
        signals.add("job_change")
    if _GAP.search(text):
        signals.add("gap")
    if _TWICE.search(text) or (schemes_mentioned(text, entities) and enrolment_pair(text, entities)):
        signals.add("insured_twice")
    return frozenset(signals)
