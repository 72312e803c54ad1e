"""Yes/no/don't-know answers and the choice-type facts (schemes, payers, situations), in English and Chinese.

Each function takes the text and the entities the NLU pipeline found, and
returns a canonical value or None when the text does not say. Phrases, their
typos and the scheme stems come from the one lexicon (`understanding.lexicon`).
Texts are normalised first (`understanding.text`): Traditional characters read
as Simplified, full-width as half-width, only the first MAX_CHARS characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from understanding.lexicon import normalise, phrase_regex, phrase_values, stem_regexes
from understanding.text import normalise_text

# No message names more than a few schemes, payers or situations: at most this many are read.
MAX_ENTITIES = 12

YES = re.compile(
    r"^(?:(yes|yeah|yea|yep|yup|ya|y|sure|correct|right|true|ok|okay|of course|definitely|absolutely|indeed|"
    r"i have|i did|i do|i will|it does|it did|that's right|exactly|affirmative|already paid|i(?:'ve| have)? paid|"
    r"paid|done|shi|dui)\b"
    # 是不是, 有没有: a question
    r"|(?:是|对|有|好|行|可以)(?![不没])|嗯|恩|没错|没问题|当然|确定|(?:交|缴|补)(?:过)?了|(?:交|缴|补)过|已经|已)",
    re.IGNORECASE,
)
NO = re.compile(
    r"^(?:(no|nope|nah|n|not really|not yet|not at all|no way|(?:definitely|absolutely|certainly|of course) not|"
    r"never|negative|i haven't|i have not|i didn't|i did not|i don't|i do not|"
    r"i won't|i will not|it doesn't|it did not|none|bu|mei you)\b"
    r"|没有|木有|没(?!错|问题)|不是|不对|不用|不|否|无|还没|并没有|未)",
    re.IGNORECASE,
)
DONT_KNOW = re.compile(
    r"\b(not (?:really |quite |too |so |very |100% )?sure|unsure|don'?t know|do not know|dunno|no idea|idk|"
    r"can'?t remember|cannot remember|don'?t remember|forgot|forgotten|beats me|"
    r"not certain|no clue|unknown|skip|haven'?t decided|not decided|bu zhidao)\b"
    r"|不确定|不知道|不清楚|不晓得|不记得|记不清|记不得|忘了|忘记了|说不准|说不好|不太清楚|不太确定|搞不清|没印象"
    r"|不太记得|记不太清|不大清楚|不太知道|谁知道|哪知道|不好说|还没定|没定下来",
    re.IGNORECASE,
)


def yes_no(text: str, intent: str | None) -> bool | None:
    """True for yes, False for no, None when the answer is neither."""
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    stripped = normalise_text(text).strip()
    if DONT_KNOW.search(stripped):
        return None
    if NO.match(stripped):  # before yes: 没有 holds 有, 不是 holds 是
        return False
    if YES.match(stripped):
        return True
    return None


def stated(text: str, yes: re.Pattern, no: re.Pattern) -> bool | None:
    """False when `no` matches, True when `yes` does, None when neither.

    The negation is tried first because it usually contains the affirmation ("not yet retired", 还没退休).
    """
    text = normalise_text(text)
    if no.search(text):
        return False
    if yes.search(text):
        return True
    return None


def says_dont_know(text: str, intent: str | None) -> bool:
    return intent == "dont_know" or bool(DONT_KNOW.search(normalise_text(text)))


def lexicon_value(label: str, phrase: str, cutoff: float = 85) -> str | None:
    """The canonical value of a phrase: exact lexicon match, else the closest phrase above `cutoff`."""
    phrases = phrase_values(label)
    key = normalise(normalise_text(phrase))
    if key in phrases:
        return phrases[key]
    if len(key) > 60:  # no lexicon phrase is this long: nothing close to compare with
        return None
    best = process.extractOne(key, phrases.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    return phrases[best[0]] if best else None


def values_in_text(label: str, text: str, entities: Iterable[dict]) -> list[str]:
    """Canonical values of every `label` entity in the message, in order.

    Falls back to finding lexicon phrases in the text, then to a fuzzy match of
    a short answer, so typed answers work without an entity.
    """
    mine = [e for e in entities if e.get("entity") == label][:MAX_ENTITIES]
    found = [value for e in mine if (value := lexicon_value(label, e["value"]))]
    if not found:
        values = phrase_values(label)
        found = [values[match] for match in phrase_regex(label).findall(normalise(normalise_text(text)))]
    if not found and (len(text.split()) <= 6 and len(text) <= 40):
        whole = lexicon_value(label, text, cutoff=85)
        if whole:
            found.append(whole)
    return found


def scheme_of(phrase: str) -> str | None:
    """The scheme a phrase names: a lexicon phrase (or a close typo of one), else a scheme stem in it."""
    value = lexicon_value("scheme", phrase)
    if value:
        return value
    phrase = normalise_text(phrase)
    for stem, scheme in stem_regexes("scheme"):
        if stem.search(phrase):
            return scheme
    return None


def _stems_in_order(text: str) -> list[str]:
    found = [(m.start(), scheme) for stem, scheme in stem_regexes("scheme") for m in stem.finditer(text)]
    return [scheme for _, scheme in sorted(found)]


# "the employee and the residents' scheme", 职工和居民医保: a scheme word joined to a named scheme shares its noun.
_JOINED_BEFORE = re.compile(r"(\w+)(?:'s|s'|')?\s*(?:and|or|&|/|,|和|与|跟|及|或)\s*(?:the\s+|a\s+)?$", re.IGNORECASE)


def schemes_mentioned(text: str, entities: Iterable[dict]) -> list[str]:
    """Schemes named in the message, in order of mention (repeats kept)."""
    text = normalise_text(text)
    mine = [e for e in entities if e.get("entity") == "scheme"][:MAX_ENTITIES]
    named = []
    for entity in mine:
        joined = _JOINED_BEFORE.search(text, max(0, entity.get("start", 0) - 40), entity.get("start", 0))
        named += _stems_in_order(joined.group(1))[-1:] if joined else []
        named += [scheme] if (scheme := scheme_of(entity["value"])) else []
    return named or _stems_in_order(text)


# Counting words that say there are two enrolments; a two that counts time ("2 years", 两年多) is not one.
_TWO = re.compile(
    r"\b(two|2|both|twice|double|second|another|other|duplicate|repeated|again)\b"
    r"(?! ?(?:and a half )?(?:years?|yrs?|months?|mths?|weeks?|days?)\b)"
    r"|(?:两|俩|二)(?!(?:个)?(?:多|半)?(?:年|月|周|星期|礼拜|天|号|日|十))|都|重复|又|也|再|第二|两边|两份|双",
    re.IGNORECASE,
)
_JOB_CHANGE = re.compile(
    r"\b(chang\w* (my )?jobs?|switch\w* jobs?|new job|two jobs|two employers|two companies|old (job|employer|company)|"
    r"previous (job|employer|company)|both (jobs|employers|companies)|each job)\b"
    r"|换(了)?(工作|单位|公司)|跳槽|新(单位|公司)|原(来的)?(单位|公司)|老(单位|公司)|两(个|家)(单位|公司)|前(一个)?(单位|公司)",
    re.IGNORECASE,
)
_THROUGH_WORK = re.compile(
    r"\b(my job|from work|through work|my employer|my company|the company|work unit)\b"
    r"|(单位|公司)(交|缴|给我?交|帮我?交|买)的?|(单位|公司)的",
    re.IGNORECASE,
)


def enrolment_pair(text: str, entities: Iterable[dict]) -> str | None:
    """Which two kinds of insurance a person holds, from the schemes and counting words used.

    Insurance "from my job" / "through my employer" / 单位交的 counts as employee insurance."""
    text = normalise_text(text)
    schemes = schemes_mentioned(text, entities) + ["employee"] * len(_THROUGH_WORK.findall(text))
    kinds = set(schemes)
    if kinds == {"employee", "residents"}:
        return "employee_and_residents"
    if _JOB_CHANGE.search(text) and kinds <= {"employee"}:
        return "two_employee"
    if len(kinds) == 1 and (len(schemes) > 1 or _TWO.search(text)):
        return "two_employee" if kinds == {"employee"} else "two_residents"
    return None


_RETIRED = re.compile(
    r"\b(retired|reached (the )?retirement age|pensioner|on a pension|"
    r"(got|get|getting|receiv\w*|draw\w*) (a |my )?pension)\b"
    r"|已经?退休|退休了|退了休|办了退休|退休人员|领(退休金|养老金)|到了?退休年龄|退休后|退休\S{1,4}了|刚退|(去年|前年|已经)退"
    r"|退下来",
    re.IGNORECASE,
)
_NOT_RETIRED = re.compile(
    r"\b(not (yet )?retired|haven'?t retired|retiring|will retire|about to retire|going to retire|"
    r"(before|until|till) (i |he |she |they )?retire|years? (to|until|till|before) retirement|"
    r"retire (next|this|in|within|soon|at the end))\b"
    r"|(还|尚)?(没|未)(有)?(到)?退休|快(要)?退休|马上(就)?(要)?退休|即将退休|准备退休|退休前|还没到退休|不到退休|明年退休|要退休了"
    r"|明年退|还有\S{1,4}(才)?退|还差\S{1,4}(才)?退",
    re.IGNORECASE,
)


def retirement_status(text: str) -> bool | None:
    """True when the person says they are retired, False when not yet, None when they don't say."""
    return stated(text, yes=_RETIRED, no=_NOT_RETIRED)


_ELSEWHERE = re.compile(
    r"\b(another city|other city|elsewhere|other place|another place|different city|long[- ]term)\b"
    r"|异地|外地|别的城市|其他城市|外省|长期",
    re.IGNORECASE,
)


def withdrawal_situation(text: str, entities: Iterable[dict]) -> str | None:
    """Why the citizen wants the personal-account money, combining the situation words with retirement."""
    text = normalise_text(text)
    found = set(values_in_text("situation", text, entities))
    retired = retirement_status(text) is True
    if "insured_person_died" in found:
        return "insured_person_died"
    if retired and found & {"retired_settled_abroad", "leaving_country_before_retirement"}:
        return "retired_settled_abroad"
    # two places named: "lives with me in Shenzhen, her insurance is in Hunan"
    two_places = len(set(values_in_text("city", text, [e for e in entities if e.get("entity") == "city"]))) >= 2
    elsewhere = found & {"retired_living_elsewhere", "moving_to_another_city"} or _ELSEWHERE.search(text) or two_places
    if retired and elsewhere:
        return "retired_living_elsewhere"
    for situation in (
        "transfer_balance_refused",
        "leaving_country_before_retirement",
        "retired_settled_abroad",
        "retired_living_elsewhere",
        "moving_to_another_city",
        "still_insured",
        "other",
    ):
        if situation in found:
            return situation
    return None


_NO_EMPLOYER = re.compile(
    # "no new job", "don't have a job lined up": a negation, then at most three words, then the employer word
    r"\b(no|without|not|(?:don'?t|do not|doesn'?t|does not) have|haven'?t (got|found)|have not (got|found)|yet to find|"
    r"looking for)\b(?:\W{1,3}\w{1,20}){0,3}?\W{1,3}"
    r"(employer|job|work|company|unit|offer)s?\b"
    r"|\b(unemployed|jobless|self[- ]?employed|freelanc\w*|flexibl\w* employ\w*|on my own|pay (it )?myself|"
    r"work(ing)? for myself|(start|open|run)\w* my own business|my own boss|still looking|job hunting)\b"
    r"|(没有?|无|还没有?|找不到|不在)(找到|找)?(新的?)?(单位|工作|公司|接收单位|用人单位)|没上班|不上班|失业|待业"
    r"|灵活就业|自己交|个人交|自己缴|个人缴|自由职业|个体|自己干|自己做生意|还在找|在找工作",
    re.IGNORECASE,
)
# Leaving the old job says nothing of a new one, except as the answer to the question whether there is one.
_LEFT_OLD_JOB = re.compile(r"\b(lost my job|quit|resigned)\b|辞职|离职", re.IGNORECASE)
_HAS_EMPLOYER = re.compile(
    r"\b(new (job|employer|company|position|workplace)|found (a )?(job|work)|got (a )?(new )?(job|offer)|hired|"
    r"job offer|offer from|my company (is )?(moving|sending|transferring)|transferred by my (company|employer)|"
    r"with (a|my) (new )?(job|employer|company)|start(ing)? (a )?(new )?(job|work) (at|in|with))\b"
    r"|有(新的?|接收)?(单位|工作|公司)|找到(了)?(新)?(工作|单位|公司)|新(单位|公司|工作)|(单位|公司)(会)?(帮我|给我|给)?(交|缴)"
    r"|(单位|公司)派|调过去|被调|入职|录用|签了(合同|劳动合同)"
    r"|\b(they|the employer|the company|hr) (will|would|is going to) (enrol|enroll|register|insure|sign)\w*\b",
    re.IGNORECASE,
)


def has_receiving_employer(text: str, answering: bool = False) -> bool | None:
    """Whether an employer at the new place will take the person on, from how they describe the move.

    answering: the text answers the question whether there is one, so "I quit" / 我辞职了 means no;
    said in passing, quitting the old job is only where the person comes from."""
    found = stated(text, yes=_HAS_EMPLOYER, no=_NO_EMPLOYER)
    if found is None and answering and _LEFT_OLD_JOB.search(normalise_text(text)):
        return False
    return found


_YEARS_REACHED = re.compile(
    r"\b(reach\w*|met|meet|hit|have|got|paid|made|completed?)\s+(already\s+)?(the\s+|my\s+)?"
    r"(required|minimum|needed|full|necessary)\s+(number of\s+)?(contribution\s+)?years\b"
    r"|\benough\s+(contribution\s+)?years\b|\b(years|requirement)\s+(is\s+|are\s+)?(already\s+)?(met|reached|fulfilled)\b"
    r"|(交|缴)(够|满|足)了?(年限|年头|\d{1,2}年)?|年限(已经?)?(够|满|达到|达标)了?|(达到|满足|够)了?(规定|要求|最低)?的?(缴费)?年限",
    re.IGNORECASE,
)
_YEARS_NOT_REACHED = re.compile(
    r"\b(not|haven'?t|have not|hasn'?t|has not|didn'?t|did not|never|don'?t|do not)\s+(yet\s+)?"
    r"(reach\w*|met|meet|hit|have|got|paid|made|completed?)\s+(the\s+|my\s+)?"
    r"(required|minimum|needed|full|necessary|enough)\s+(number of\s+)?(contribution\s+)?years\b"
    r"|\bnot\s+enough\s+(contribution\s+)?years\b|\b(short|shy)\s+of\s+the\s+(required|minimum)\b"
    r"|(没|未|不)(有)?(交|缴)(够|满|足)|年限(还)?(不够|没够|不足|没满|未满|没达到|未达到)"
    r"|(没有?|未|还没有?)(达到|满足)(规定|要求|最低)?的?(缴费)?年限|(缴费)?年限不够",
    re.IGNORECASE,
)


def required_years_status(text: str) -> bool | None:
    """Whether the person says their contributions reach the years required at retirement, without numbers."""
    return stated(text, yes=_YEARS_REACHED, no=_YEARS_NOT_REACHED)
