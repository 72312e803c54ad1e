"""Repeated (duplicate) enrolment: what it is, which enrolment to keep, how to stop the other.

Sources: the Shenzhen clean-up article (document 000) and, for the channels
outside Shenzhen, "How to operate the medical insurance online?" (document 002).

Readings chosen where the text is open:
- "continuously participated in more than one year (including one year)"
  means employee_years >= 1.
- An employee enrolment held under one year beside a residents' one is not
  settled by the article: the rule says so and sends the citizen to the bureau.
- A residents' enrolment is paid by the person, so it is stopped the way the
  article describes for "individual payment personnel".
- The article announces three ways for individual payers but names only two;
  of the third only the last menu steps survive. The rule gives the two and
  says the third must be asked for.
- Not sure which enrolments, who pays, or how long the employee insurance
  was held: the answer is given for each case. The insurance record shows
  them (document 002, step 2); in Shenzhen the centre also calls or notifies
  those enrolled twice (document 000).
"""

from __future__ import annotations

from policy_rules.engine import GENERAL_OUTCOME, Case, Decision, Evaluation, Rule, Statement, says, unit
from policy_rules.inputs import InputSpec
from policy_rules.rules.finding_out import enrolments, hotline, on_record

SOURCE = "duplicate_cleanup"
PAIRS = ("two_employee", "two_residents", "employee_and_residents")
PAYERS = ("individual", "employer")

ENROLMENT_PAIR = InputSpec("enrolment_pair", "choice", choices=PAIRS)
EMPLOYEE_YEARS = InputSpec("employee_years", "years", maximum=70)
STOP_PAYER = InputSpec("stop_payer", "choice", choices=PAYERS)


@unit(
    "duplicate.definition",
    SOURCE,
    "paragraph_2",
    quote="the same insured person repeatedly participates in the same basic medical insurance system (repeated "
    "insurance within the system) or repeatedly participating in different basic medical insurance systems "
    "(repeated insurance cross -system), all of which are repeated insurance participation",
)
def definition(ev: Evaluation) -> Statement:
    return says("duplicate.definition")


@unit(
    "duplicate.example",
    SOURCE,
    "paragraph_2",
    quote="the insured person paid medical insurance at the same time in Shenzhen and Heyuan City",
)
def example(ev: Evaluation) -> Statement:
    return says("duplicate.example")


@unit(
    "duplicate.keep_only_one",
    SOURCE,
    "paragraph_3",
    quote="the insured can only retain one insured relationship and should suspend the repeated insurance "
    "relationship in a timely manner",
)
def keep_only_one(ev: Evaluation) -> Statement:
    return says("duplicate.keep_only_one")


@unit(
    "duplicate.keep_where_employed",
    SOURCE,
    "paragraph_3",
    quote="If you repeat the employee medical insurance, in principle, the employment is reserved",
)
def keep_where_employed(ev: Evaluation) -> Statement:
    return says("duplicate.keep_where_employed")


@unit(
    "duplicate.keep_where_resident",
    SOURCE,
    "paragraph_3",
    quote="if you repeat the medical insurance of residents, in principle, the residential place of insurance "
    "participation is reserved",
)
def keep_where_resident(ev: Evaluation) -> Statement:
    return says("duplicate.keep_where_resident")


@unit(
    "duplicate.keep_employee_after_one_year",
    SOURCE,
    "paragraph_3",
    quote="if the employee's medical insurance is continuously participated in more than one year (including one "
    "year), in principle, the employee's medical insurance participation relationship is retained",
)
def keep_employee_after_one_year(ev: Evaluation, employee_years: float) -> bool:
    return bool(employee_years >= ev.param("duplicate.employee_continuous_min_years"))


@unit(
    "duplicate.residents_enrolment_is_individually_paid",
    SOURCE,
    "paragraph_4",
    quote="there are three ways to stop insurance for individual payment personnel",
)
def residents_enrolment_payer(ev: Evaluation) -> str:
    """A residents' enrolment is paid by the person, so it is stopped as an individual payer."""
    return "individual"


@unit(
    "stop_insurance.individual_payer_channels",
    SOURCE,
    "paragraph_4",
    quote="One is to log in to the personal online service system (https://sipub.sz.gov.cn/hspms/) to handle → "
    "personal insurance management → individual payment personnel stop insurance",
)
def individual_payer_channels(ev: Evaluation) -> tuple[Statement, ...]:
    return (
        says("stop_insurance.shenzhen_online"),
        says("stop_insurance.shenzhen_wechat"),
        says("stop_insurance.third_way_lost"),
    )


@unit(
    "stop_insurance.channels_elsewhere",
    "online_handling_and_interruption",
    "steps",
    quote='select "Stop Insurance" in "Social Security Declaration"',
)
def channels_elsewhere(ev: Evaluation) -> Statement:
    return says("stop_insurance.other_cities")


@unit(
    "stop_insurance.through_employer",
    SOURCE,
    "paragraph_4",
    quote="On -the -job employees suspend the insurance, please contact the employer or go to the social security "
    "bureau where they are located",
)
def through_employer(ev: Evaluation) -> Statement:
    return says("stop_insurance.through_employer")


@unit(
    "stop_insurance.bureau_website",
    "online_handling_and_interruption",
    "summary",
    quote="Log in to the local medical insurance bureau in official website",
)
def bureau_website(ev: Evaluation) -> Statement:
    return says("stop_insurance.bureau_website")


@unit(
    "duplicate.bureau_will_notify",
    SOURCE,
    "paragraph_4",
    quote="the Municipal Medical Insurance Center will recently call or send information notifications to the "
    "insured participants",
)
def bureau_will_notify(ev: Evaluation) -> Statement:
    return says("duplicate.bureau_will_notify")


def _stop_steps(ev: Evaluation, payer: str) -> tuple[Statement, ...]:
    if payer == "employer":
        return (through_employer(ev),)
    return (*individual_payer_channels(ev), channels_elsewhere(ev), bureau_website(ev))


def employee_years_cases(ev: Evaluation) -> tuple[Case, ...]:
    """An unknown time in employee insurance: under or at least the year of paragraph 3. The answers of both
    cases name no number of years held, so each is told as it is."""
    minimum = ev.param("duplicate.employee_continuous_min_years")
    return (
        Case(says("case.employee_years.at_least", minimum=minimum), {"employee_years": minimum}),
        Case(says("case.employee_years.under", minimum=minimum), {"employee_years": 0}),
    )


def decide_definition(ev: Evaluation) -> Decision:
    return ev.decision(
        outcome="definition", answer=definition(ev), notes=(example(ev), keep_only_one(ev), bureau_will_notify(ev))
    )


def ask_which_to_keep(ev: Evaluation) -> Statement:
    """The sources leave the choice open: 12333 (document 002, step 3) can say which enrolment to keep."""
    hotline(ev)
    return says("duplicate.ask_which_to_keep")


def decide_which_to_keep(ev: Evaluation) -> Decision:
    """Which enrolment to keep, then how to stop the other one."""
    only_one = keep_only_one(ev)
    pair = ev.fact("enrolment_pair")
    if pair == "two_employee":
        keep, outcome = keep_where_employed(ev), "keep_employment_place"
        payer = ev.fact("stop_payer")
    elif pair == "two_residents":
        keep, outcome = keep_where_resident(ev), "keep_residence_place"
        payer = residents_enrolment_payer(ev)
    elif keep_employee_after_one_year(ev, employee_years=ev.fact("employee_years")):
        keep, outcome = says("duplicate.keep_employee_held_a_year"), "keep_employee_enrolment"
        payer = residents_enrolment_payer(ev)
    else:
        return ev.decision(
            outcome="not_settled_by_sources",
            answer=(
                only_one,
                says("duplicate.short_employee_time_open", minimum=ev.param("duplicate.employee_continuous_min_years")),
            ),
            # which to keep first; how to stop either one after that
            steps=(ask_which_to_keep(ev), *_stop_steps(ev, residents_enrolment_payer(ev)), through_employer(ev)),
            notes=(bureau_will_notify(ev),),
            refer_to_bureau=True,
        )
    return ev.decision(
        outcome=outcome,
        answer=(only_one, keep),
        steps=_stop_steps(ev, payer),
        notes=(bureau_will_notify(ev),),
        facts={"stop_payer": payer},
    )


def decide_how_to_stop(ev: Evaluation) -> Decision:
    payer = ev.fact("stop_payer")
    steps = _stop_steps(ev, payer)
    if payer == "employer":
        return ev.decision(outcome="stop_through_employer", answer=steps[0])
    return ev.decision(
        outcome="stop_as_individual_payer", answer=says("stop_insurance.as_individual_payer"), steps=steps
    )


DEFINITION = Rule(id="duplicate_definition", inputs=(), outcomes=("definition",), decide=decide_definition)


# --- The general statements: the rules for everyone, without a citizen's enrolments ----------------------------


def decide_which_to_keep_general(ev: Evaluation) -> Decision:
    """Keep one; which one for each pair of enrolments (the one-year threshold is a number of paragraph 3)."""
    employee_kept = says("duplicate.general_employee_kept", minimum=ev.param("duplicate.employee_continuous_min_years"))
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(keep_only_one(ev), keep_where_employed(ev), keep_where_resident(ev), employee_kept),
        notes=(definition(ev), bureau_will_notify(ev)),
    )


def decide_how_to_stop_general(ev: Evaluation) -> Decision:
    """Who stops an enrolment depends on who pays it: both ways, with the channels of an individual payer."""
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(through_employer(ev), says("stop_insurance.as_individual_payer")),
        steps=_stop_steps(ev, residents_enrolment_payer(ev)),
    )


WHICH_TO_KEEP = Rule(
    id="duplicate_enrolment",
    inputs=(ENROLMENT_PAIR, EMPLOYEE_YEARS, STOP_PAYER),
    outcomes=("keep_employment_place", "keep_residence_place", "keep_employee_enrolment", "not_settled_by_sources"),
    decide=decide_which_to_keep,
    unknown_cases={"employee_years": employee_years_cases},
    find_out={
        "enrolment_pair": enrolments,
        "employee_years": on_record("employee_years"),
        "stop_payer": on_record("stop_payer"),
    },
    general=decide_which_to_keep_general,
)
HOW_TO_STOP = Rule(
    id="stop_insurance",
    inputs=(STOP_PAYER,),
    outcomes=("stop_through_employer", "stop_as_individual_payer"),
    decide=decide_how_to_stop,
    find_out={"stop_payer": on_record("stop_payer")},
    general=decide_how_to_stop_general,
)
