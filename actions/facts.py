"""From one message to the facts of the citizen's case, for the topic being discussed.

Facts come from three places, later ones winning: what the message says about
the topic (durations, dates, schemes... with their roles read from the words
around them), the answer to the question just asked, and values sent by a
clicked button. An answer that cannot be read is passed on as typed, so the
form can say what it expected instead of silently asking again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

import policy_rules
from actions.topics import TOPICS
from policy_rules import UNKNOWN, InputSpec
from understanding.choices import (
    enrolment_pair,
    has_receiving_employer,
    required_years_status,
    retirement_status,
    says_dont_know,
    schemes_mentioned,
    stated,
    values_in_text,
    withdrawal_situation,
    yes_no,
)
from understanding.dates import parse_date, parse_day_in_month, tense_of
from understanding.durations import parse_bare_number, parse_duration
from understanding.places import city_roles
from understanding.text import normalise_text

# Intents a reply to the bot's question gets, readable or not; other intents change the subject.
# Out-of-scope text typed in reply to a question counts as a (failed) answer, so nonsense
# gets the question's own hint and, repeated, a way out.
ANSWER_INTENTS = {"inform", "affirm", "deny", "dont_know", "nlu_fallback", "out_of_scope"}

# What a date is: the day the arrears were paid ("payment") or the day payments stopped ("stop"),
# from the words next to it. English puts the verb before the date ("paid on 10 March"), Chinese
# mostly after it (3月10号补缴的). "since"/"from"/从/开始 are weak: they count only when no verb does.
_PAYMENT_CUE = re.compile(
    r"\b(paid|pay|paying|repaid|repay|made up|make up|topped up|settled|back[- ]?paid|"
    r"paid back|pay back|cleared|contributed again|resumed|started paying again)\b"
    r"|补缴|补交|补齐|补上|补了|缴费|交费|交了|缴了|交的|缴的|续交|续缴|恢复缴费|重新交|重新缴|又交|付了|还上",
    re.IGNORECASE,
)
_STOP_CUE = re.compile(
    r"\b(stopped paying|stop paying|quit paying|not paying|wasn'?t paying|didn'?t pay|did not pay|"
    r"stopped|stop|missed|miss|lapsed|interrupted|broke|break|quit|lost|left|unpaid|"
    r"ended|end)\b"
    r"|断缴|断交|断保|断了|断的|断掉|停缴|停交|停保|停了|停的|没交|没缴|未缴|没有交|没有缴|欠费|欠缴|中断|离职|辞职",
    re.IGNORECASE,
)
_WEAK_STOP_CUE = re.compile(r"\b(since|from)\b|从|自从|开始|起", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,.;!?，。；！？、]|\band\b|\bbut\b|\bthen\b|然后|后来|但是|可是|之后", re.IGNORECASE)
_NOT_BACK_PAID = re.compile(
    r"\b(haven'?t|have not|didn'?t|did not|never|won'?t|will not|not going to|can'?t|cannot|don'?t plan to)\s+"
    r"(yet\s+)?(paid|pay|repaid|repay|made|make)\s+(it\s+|them\s+|anything\s+|the \w+\s+)?(back|up)\b"
    r"|(还)?没(有)?(补|交上|缴上)|未补|不打算补|不想补|没钱补|补不了|不补",
    re.IGNORECASE,
)
_BACK_PAID = re.compile(
    r"\b(paid|repaid|made up|topped up|settled|cleared)\s+(it\s+|them\s+|everything\s+|all\s+|"
    r"the \w+\s+)?(back|up|in full|off)\b|\bback[- ]?paid\b"
    r"|补缴了|补交了|补缴的|补交的|已经补|已补|补齐了|补上了|补缴过|补交过|交上了|补了|[日号月](补缴|补交)",
    re.IGNORECASE,
)
# Answers to "when?" that give no date: "not yet" / 还没交 (it has not happened), "just now" / 刚交上 (today).
_NOT_YET = re.compile(
    r"^(?:no,? )?(not yet|haven'?t (?:yet|started|paid)|still not|还没|尚未|没呢|暂时没)", re.IGNORECASE
)
_JUST_NOW = re.compile(r"^(?:i )?(just now|just|today)\b|^(刚刚|刚才|刚|今天)", re.IGNORECASE)
# As the answer to "Have you paid (or will you pay) the contributions you missed?", an intention is enough.
_WONT_PAY = re.compile(
    r"^(not going to|won'?t|will not|can'?t afford|cannot afford|no money)\b"
    r"|不打算|不想|补不起|交不起|没钱|不会补|不补",
    re.IGNORECASE,
)
_WILL_PAY = re.compile(
    r"^(i'?ll|i will|will|i'?m going to|going to|gonna|planning to|plan to|intend to|about to)\b"
    r"|^我?(打算|准备|会|要|想|马上|这就|过两天|下个?月)",
    re.IGNORECASE,
)
_REQUIRED_CUE = re.compile(
    r"\b(requir\w*|need\w*|minimum|must|at least|set by|rule says)\b"
    r"|要求|需要|规定|最低|至少|得交|要交够|要交满|要缴够|要缴满|年限是",
    re.IGNORECASE,
)
# "退休两年了", "还有两年退休", "retiring in 2 years": a length of time counted to or from retirement, not years
# of contributions (unless the clause also speaks of paying).
_RETIREMENT_TIME_CUE = re.compile(r"\b(retir\w*|pension\w*)\b|退休|退了|退下来", re.IGNORECASE)
_PAYING_CUE = re.compile(r"\b(paid|pay\w*|contribut\w*|insured)\b|交|缴|参保", re.IGNORECASE)
# "不对，是120天", "not 100 days, I mean 120": the value given last is the one meant.
_CORRECTION = re.compile(
    r"\b(i mean|i meant|correction|sorry|actually no)\b"
    r"|不对|不是|说错|错了|更正|应该是|改成|改为|其实是|实际上是|纠正",
    re.IGNORECASE,
)


# No message states more than a few facts of a kind; reading at most this many bounds the work on
# adversarial text (2,000 characters of "12-12-12-..." hold 220 dates).
MAX_ENTITIES_PER_LABEL = 12


def _entities(entities: Iterable[dict], label: str) -> list[dict]:
    found = [e for e in entities if e.get("entity") == label and isinstance(e.get("value"), str)]
    return found[:MAX_ENTITIES_PER_LABEL]


def _as_meant(text: str, found: list) -> list:
    """The values in order of preference: in a correction, the last given first."""
    return found[::-1] if _CORRECTION.search(text) else found


def _role_near(text: str, start: int, end: int) -> str | None:
    """'payment', 'stop' or None: the cue nearest to the span in its clause, before it or else after it."""
    before = _clause_before(text, start)
    after_break = _CLAUSE_BREAK.search(text, end)
    after = text[end : after_break.start() if after_break else len(text)]
    for weak in (False, True):
        patterns = [(_WEAK_STOP_CUE, "stop")] if weak else [(_PAYMENT_CUE, "payment"), (_STOP_CUE, "stop")]
        # nearest first; of two ending together, the longer ("stopped paying" over "paying")
        cues = [
            (len(before) - m.end(), -len(m.group()), 0, role)
            for regex, role in patterns
            for m in regex.finditer(before)
        ]
        cues += [(m.start(), -len(m.group()), 1, role) for regex, role in patterns for m in regex.finditer(after)]
        if cues:
            return min(cues)[3]
    return None


# A date without a year is read in the tense of the words of its clause: the future ("will pay on 10 March",
# "my job ends on 10 March", 3月10号要离职: the next one) or the past ("ended on 10 March", 3月10号断了:
# the last one). Without such words it is read in the past, except where a fact is as often still to come
# as past: then the nearest of the two, for the end of the old insurance when planning a move ("When does
# (or did) it end?" "10 March").
DATE_READING_WITHOUT_CUE: dict[tuple[str | None, str | None], str] = {("transfer", "old_enrolment_end_date"): "nearest"}


def _reading(words: str, topic: str | None = None, fact: str | None = None) -> str:
    """How to read a year-less date among `words` (its clause, or the whole answer): future, past or nearest."""
    return tense_of(words) or DATE_READING_WITHOUT_CUE.get((topic, fact), "past")


def _dates_in_clauses(
    text: str, entities: Iterable[dict], today: dt.date, topic: str | None = None, fact: str | None = None
) -> list[tuple[dt.date, int, int]]:
    """Each date entity read in the tense of its clause, with where it is written."""
    found = []
    for entity in _as_meant(text, _entities(entities, "date")):
        start = entity.get("start", 0)
        end = entity.get("end", start)
        day = parse_date(entity["value"], today, _reading(_clause_around(text, start, end), topic, fact))
        if day is not None:
            found.append((day, start, end))
    return found


def _dates_with_cues(text: str, entities: Iterable[dict], today: dt.date) -> list[tuple[dt.date, str | None]]:
    """Each date entity with the role the words around it suggest: 'payment', 'stop' or None."""
    return [(day, _role_near(text, start, end)) for day, start, end in _dates_in_clauses(text, entities, today)]


# "没有单位，自己交", "not my employer, I pay": a payer named only to be denied is not the payer; nor is "I do" or
# "I pay" in a question ("what do I do?", "when do I pay?").
_DENIED_BEFORE = re.compile(
    r"(?:\b(?:not|no|never)\s+(?:my\s+|the\s+|a\s+)?|(?:没有|没|无|不是)(?:新的?)?"
    r"|\b(?:do|does|did|should|shall|can|could|will|would|must)\s+)$",
    re.IGNORECASE,
)


def _entity_values(label: str, text: str, entities: Iterable[dict]) -> list[str]:
    """Canonical values of the `label` entities the pipeline found (none guessed from the text)."""
    found = _entities(entities, label)
    if label == "payer":
        found = [e for e in found if not _DENIED_BEFORE.search(text, max(0, e.get("start", 0) - 12), e.get("start", 0))]
    return values_in_text(label, text, found) if found else []


def _clause_before(text: str, position: int) -> str:
    """The words of the clause that ends at `position`."""
    before = text[:position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _clause_around(text: str, start: int, end: int) -> str:
    after = _CLAUSE_BREAK.search(text, end)
    return _clause_before(text, start) + text[start : after.start() if after else len(text)]


def _durations(entities: Iterable[dict], text: str = ""):
    return [d for e in _as_meant(text, _entities(entities, "duration")) if (d := parse_duration(e["value"]))]


def stop_and_payment_dates(
    text: str, entities: list[dict[str, Any]], today: dt.date, stop_slot: str, payment_slot: str
) -> tuple[dict[str, Any], list[dt.date]]:
    """The dates a message gives for when paying stopped and when it (re)started, by the words around them;
    two dates without such words are read in time order (stopped, then paid). Also the dates left unplaced."""
    facts: dict[str, Any] = {}
    dates = _dates_with_cues(text, entities, today)
    uncued = [day for day, cue in dates if cue is None]
    for day, cue in dates:
        if cue == "payment":
            facts.setdefault(payment_slot, day.isoformat())
        elif cue == "stop":
            facts.setdefault(stop_slot, day.isoformat())
    if len(uncued) == 2 and not facts:
        facts[stop_slot], facts[payment_slot] = (day.isoformat() for day in sorted(uncued))
        uncued = []
    return facts, uncued


def read_waiting_period(text, entities, today, requested):
    facts, uncued = stop_and_payment_dates(text, entities, today, "interruption_date", "payment_date")
    durations = _durations(entities, text)
    if durations:
        facts["gap_days"] = durations[0].days
    if uncued:
        facts.setdefault("payment_date", uncued[0].isoformat())
    back_paid = stated(text, yes=_BACK_PAID, no=_NOT_BACK_PAID)
    if back_paid is None and requested == "back_paid":
        back_paid = stated(text.strip(), yes=_WILL_PAY, no=_WONT_PAY)
    if back_paid is not None:
        facts["back_paid"] = back_paid
    if back_paid is False:
        facts.pop("payment_date", None)
    return facts


def read_duplicate_enrolment(text, entities, today, requested):
    facts: dict[str, Any] = {}
    pair = enrolment_pair(text, entities)
    if pair:
        facts["enrolment_pair"] = pair
    durations = _durations(entities, text)
    if durations:
        facts["employee_years"] = round(durations[0].years, 3)
    payers = set(_entity_values("payer", text, entities))
    if len(payers) == 1:  # "one from my employer, one I pay myself" says who pays each, not which is stopped
        facts["stop_payer"] = payers.pop()
    return facts


def read_stop_insurance(text, entities, today, requested):
    payers = _entity_values("payer", text, entities)
    return {"stop_payer": payers[0]} if payers else {}


def read_residents_refund(text, entities, today, requested):
    schemes = schemes_mentioned(text, _entities(entities, "scheme"))
    return {"paid_scheme": schemes[0]} if schemes else {}


def _cities(text: str, entities: Iterable[dict]) -> list[tuple[int, int, str]]:
    """Each city entity as (start, end, canonical name), in order of mention."""
    found = []
    for entity in _entities(entities, "city"):
        start = entity.get("start", 0)
        for value in values_in_text("city", text, [entity])[:1]:
            found.append((start, entity.get("end", start), value))
    return sorted(found)


def read_transfer(text, entities, today, requested):
    facts: dict[str, Any] = {}
    _origin, destination = city_roles(text, _cities(text, entities))
    if destination:
        facts["new_city"] = destination
    employer = has_receiving_employer(text)
    if employer is not None:
        facts["has_receiving_employer"] = employer
    dates = _dates_in_clauses(text, entities, today, "transfer", "old_enrolment_end_date")
    if dates:
        facts["old_enrolment_end_date"] = dates[0][0].isoformat()
    return facts


GAP_DATES = ("old_enrolment_end_date", "payment_resumed_date")


def read_transfer_gap_bills(text, entities, today, requested):
    """The day the old insurance ended ("left", "ended") and the day paying started again ("started paying")."""
    facts, uncued = stop_and_payment_dates(text, entities, today, "old_enrolment_end_date", "payment_resumed_date")
    if uncued:  # one date said plainly: the answer to the question asked, else the first the rule needs
        order = ([requested] if requested in GAP_DATES else []) + list(GAP_DATES)
        slot = next((name for name in order if name not in facts), None)
        if slot:
            facts[slot] = uncued[0].isoformat()
    return facts


def read_account_withdrawal(text, entities, today, requested):
    situation = withdrawal_situation(text, _entities(entities, "situation"))
    return {"withdrawal_situation": situation} if situation else {}


def read_retirement(text, entities, today, requested):
    facts: dict[str, Any] = {}
    retired = retirement_status(text)
    if retired is not None:
        facts["reached_retirement_age"] = retired
    reached = required_years_status(text)  # "I've already reached the required years", 已经交够了
    if reached is not None:
        facts["required_years_reached"] = reached
    for entity in _as_meant(text, _entities(entities, "duration")):
        duration = parse_duration(entity["value"])
        if not duration:
            continue
        clause = _clause_around(text, entity.get("start", 0), entity.get("end", 0))
        if _RETIREMENT_TIME_CUE.search(clause) and not _PAYING_CUE.search(clause) and requested != "contribution_years":
            continue
        slot = (
            "required_years" if _REQUIRED_CUE.search(clause) or requested == "required_years" else "contribution_years"
        )
        facts.setdefault(slot, round(duration.years, 3))
    return facts


# Answers to "Who pays for the insurance you want to stop?" that name no payer word of the lexicon: said in any
# other message, "me" or 自己 would be no payer at all.
_PAID_BY_ME = re.compile(r"^(?:me|just me|i do|me myself)\b|^我?自己|^个人|alipay|wechat|支付宝|微信", re.IGNORECASE)
_PAID_FROM_SALARY = re.compile(r"\b(?:deducted|taken) from (?:my )?(?:salary|wages?|pay)\b|payroll|工资", re.IGNORECASE)


def payer_answered(text: str) -> str | None:
    text = normalise_text(text).strip()
    if _PAID_FROM_SALARY.search(text):
        return "employer"
    return "individual" if _PAID_BY_ME.search(text) else None


TOPIC_READERS: dict[str, Callable[..., dict[str, Any]]] = {
    "waiting_period": read_waiting_period,
    "duplicate_enrolment": read_duplicate_enrolment,
    "stop_insurance": read_stop_insurance,
    "residents_refund": read_residents_refund,
    "transfer": read_transfer,
    "transfer_gap_bills": read_transfer_gap_bills,
    "account_withdrawal": read_account_withdrawal,
    "retirement": read_retirement,
}

CHOICE_READERS: dict[str, Callable[[str, list], str | None]] = {
    "enrolment_pair": enrolment_pair,
    "stop_payer": lambda text, entities: (
        next(iter(values_in_text("payer", text, _entities(entities, "payer"))), None) or payer_answered(text)
    ),
    "paid_scheme": lambda text, entities: next(iter(schemes_mentioned(text, _entities(entities, "scheme"))), None),
    "withdrawal_situation": withdrawal_situation,
}


def read_answer(
    spec: InputSpec, text: str, intent: str | None, entities: list, today: dt.date, topic: str | None = None
) -> Any:
    """The value of a typed or clicked answer to the question for `spec`, or None if it cannot be read."""
    if says_dont_know(text, intent):  # every asked fact may be unknown: the rule then answers per case
        return UNKNOWN
    if spec.kind == "bool":
        described = has_receiving_employer(text, answering=True) if spec.name == "has_receiving_employer" else None
        return described if described is not None else yes_no(text, intent)
    if spec.kind in ("days", "years"):
        duration = next(iter(_durations(entities, text)), None) or parse_duration(text)
        if duration:
            return duration.days if spec.kind == "days" else round(duration.years, 3)
        number = parse_bare_number(text)
        return None if number is None else (int(number) if spec.kind == "days" and number.is_integer() else number)
    if spec.kind == "date":
        if _NOT_YET.search(text):  # asked when, "not yet": not known, so the answer gives the date that decides
            return UNKNOWN
        if _JUST_NOW.search(text):
            return today.isoformat()
        reading = _reading(text, topic, spec.name)
        for entity in _as_meant(text, _entities(entities, "date")):
            day = parse_date(entity["value"], today, reading)
            if day:
                return day.isoformat()
        day = parse_date(text, today, reading)
        return day.isoformat() if day else None
    if spec.kind == "choice":
        return CHOICE_READERS[spec.name](text, entities)
    return None


def extract_facts(
    text: str,
    intent: str | None,
    entities: list[dict],
    topic: str | None,
    requested_slot: str | None,
    today: dt.date,
    keep_unreadable: bool = True,
    asked_month: str | None = None,
) -> dict[str, Any]:
    """Slot values for the topic's facts found in one message.

    keep_unreadable: pass an unreadable answer to the question asked on as typed (for the form to explain).
    asked_month: the month (YYYY-MM) whose exact day the question asked for, if it did.
    """
    if topic is None:
        return {}
    text = normalise_text(text)  # as the NLU pipeline saw it: same length, so entity offsets still hold
    inputs = {spec.name: spec for spec in policy_rules.get_rule(topic).inputs}
    topic_intent = TOPICS[topic].intent  # a reply that merely sounds like the topic is still a reply
    facts = TOPIC_READERS[topic](text, entities, today, requested_slot)
    if asked_month and requested_slot in inputs and inputs[requested_slot].kind == "date":
        day = parse_day_in_month(text, dt.date.fromisoformat(asked_month + "-01"))
        if day is not None:
            facts[requested_slot] = day.isoformat()
    if requested_slot in inputs and requested_slot not in facts:
        value = read_answer(inputs[requested_slot], text, intent, entities, today, topic)
        if value is not None:
            facts[requested_slot] = value
        elif keep_unreadable and (intent in ANSWER_INTENTS or intent == topic_intent) and text.strip() and not facts:
            facts[requested_slot] = text.strip()  # unreadable: the form validation explains what it needs
    facts.update({e["entity"]: e["value"] for e in entities if e.get("entity") in inputs})  # clicked buttons
    return facts
