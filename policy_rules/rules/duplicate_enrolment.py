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
"""

from __future__ import annotations

from policy_rules.engine import Evaluation, Rule, unit
from policy_rules.inputs import InputSpec

SOURCE = "duplicate_cleanup"
PAIRS = ("two_employee", "two_residents", "employee_and_residents")
PAYERS = ("individual", "employer")

ENROLMENT_PAIR = InputSpec(
    "enrolment_pair", "choice", "which two kinds of medical insurance you are enrolled in", choices=PAIRS
)
EMPLOYEE_YEARS = InputSpec(
    "employee_years", "years", "how long you have been continuously in the employee medical insurance", maximum=70
)
STOP_PAYER = InputSpec(
    "stop_payer",
    "choice",
    "who pays for the enrolment you will stop: you yourself (individual payer, flexible employment) or an employer",
    choices=PAYERS,
)


@unit("duplicate.definition", SOURCE, "Paragraph 2")
def definition(ev: Evaluation) -> tuple[str, str]:
    """Repeated enrolment within one system or across systems; two or more insured records."""
    return (
        "Repeated enrolment means the same person is enrolled twice in the same basic medical insurance system "
        "(within the system, e.g. employee insurance in two cities) or in two different systems (across systems, "
        "e.g. employee insurance and residents' insurance), so that two or more insurance records exist.",
        "Example: paying medical insurance in Shenzhen and in Heyuan at the same time, with a medical insurance "
        "account in both places.",
    )


@unit("duplicate.keep_only_one", SOURCE, "Paragraph 3")
def keep_only_one(ev: Evaluation) -> str:
    """Only one insurance relationship may be kept; the repeated one must be stopped in time."""
    return "You may keep only one insurance relationship and should stop the repeated one in time."


@unit("duplicate.keep_where_employed", SOURCE, "Paragraph 3")
def keep_where_employed(ev: Evaluation) -> str:
    """Two employee enrolments: in principle keep the one at the place of employment."""
    return "keep the employee insurance at the place where you are employed"


@unit("duplicate.keep_where_resident", SOURCE, "Paragraph 3")
def keep_where_resident(ev: Evaluation) -> str:
    """Two residents' enrolments: in principle keep the one at the place of residence."""
    return "keep the residents' insurance at the place where you live"


@unit("duplicate.keep_employee_after_one_year", SOURCE, "Paragraph 3")
def keep_employee_after_one_year(ev: Evaluation, employee_years: float) -> bool:
    """Employee insurance held continuously for one year or more is kept in principle."""
    return employee_years >= ev.param("duplicate.employee_continuous_min_years")


@unit("duplicate.residents_enrolment_is_individually_paid", SOURCE, "Paragraph 4")
def residents_enrolment_payer(ev: Evaluation) -> str:
    """A residents' enrolment is paid by the person, so it is stopped as an individual payer."""
    return "individual"


@unit("stop_insurance.individual_payer_channels", SOURCE, "Paragraph 4")
def individual_payer_channels(ev: Evaluation) -> tuple[str, ...]:
    """Individual payers stop insurance themselves online or in the WeChat account (Shenzhen paths)."""
    return (
        "In Shenzhen, online: log in to the personal online service system (https://sipub.sz.gov.cn/hspms/) → "
        "Personal insurance management → Individual payment personnel stop insurance.",
        "In Shenzhen, on WeChat: open the \"Shenzhen Social Security\" official account → Convenient service → "
        "Log in to personal business handling → Personal insurance management → Individual payment personnel "
        "stop insurance.",
        "The bureau announced a third way whose name did not survive in the published text (its last steps are "
        "Personal insurance registration → Personal stop insurance); ask the bureau if the first two do not suit you.",
    )


@unit("stop_insurance.channels_elsewhere", "online_handling_and_interruption", "Steps 1 to 3 and summary")
def channels_elsewhere(ev: Evaluation) -> str:
    """Outside Shenzhen: the local social insurance website, the national app, the local app or WeChat account."""
    return (
        "In other cities: on the local labour security or social insurance website choose \"Social Security "
        "Declaration\" → \"Stop Insurance\"; or use the National Medical Insurance Service Platform app, the local "
        "human resources and social security app, or the local bureau's official WeChat account."
    )


@unit("stop_insurance.through_employer", SOURCE, "Paragraph 4")
def through_employer(ev: Evaluation) -> str:
    """Employees on the job stop insurance through the employer or the local social security bureau."""
    return (
        "An enrolment paid by an employer is stopped through that employer: contact the employer, or go to the "
        "social security bureau where you are insured."
    )


def _stop_steps(ev: Evaluation, payer: str) -> tuple[str, ...]:
    if payer == "employer":
        return (through_employer(ev),)
    return individual_payer_channels(ev) + (channels_elsewhere(ev),)


def decide_definition(ev: Evaluation):
    what, example = definition(ev)
    return ev.decision(outcome="definition", answer=what, notes=(example, keep_only_one(ev)))


def decide_which_to_keep(ev: Evaluation):
    """Which enrolment to keep, then how to stop the other one."""
    only_one = keep_only_one(ev)
    pair = ev.fact("enrolment_pair")
    if pair == "two_employee":
        keep = keep_where_employed(ev)
        outcome, stop = "keep_employment_place", "the employee insurance in the other place"
        payer = ev.fact("stop_payer")
    elif pair == "two_residents":
        keep = keep_where_resident(ev)
        outcome, stop = "keep_residence_place", "the residents' insurance in the other place"
        payer = residents_enrolment_payer(ev)
    elif keep_employee_after_one_year(ev, employee_years=ev.fact("employee_years")):
        keep = "keep the employee insurance, because you have held it continuously for at least one year"
        outcome, stop = "keep_employee_enrolment", "the residents' insurance"
        payer = residents_enrolment_payer(ev)
    else:
        minimum = ev.param("duplicate.employee_continuous_min_years")
        return ev.decision(
            outcome="not_settled_by_sources",
            answer=(
                f"{only_one} The published rules only say which to keep when the employee insurance has been held "
                f"continuously for {minimum} year or more; for a shorter time they leave the choice open. "
                "Please ask your local medical insurance bureau (or call 12333) which enrolment to keep."
            ),
            steps=_stop_steps(ev, residents_enrolment_payer(ev)) + (through_employer(ev),),
            refer_to_bureau=True,
        )
    return ev.decision(
        outcome=outcome,
        answer=f"{only_one} In principle, {keep}; stop {stop}.",
        steps=_stop_steps(ev, payer),
        facts={"stop_payer": payer},
    )


def decide_how_to_stop(ev: Evaluation):
    payer = ev.fact("stop_payer")
    steps = _stop_steps(ev, payer)
    if payer == "employer":
        return ev.decision(outcome="stop_through_employer", answer=steps[0])
    return ev.decision(
        outcome="stop_as_individual_payer",
        answer="As an individual payer you can stop the insurance yourself, online or in the WeChat account.",
        steps=steps,
    )


DEFINITION = Rule(
    id="duplicate_definition",
    title="What is repeated (duplicate) enrolment?",
    inputs=(),
    decide=decide_definition,
)

WHICH_TO_KEEP = Rule(
    id="duplicate_enrolment",
    title="I am insured twice: which enrolment do I keep and how do I stop the other?",
    inputs=(ENROLMENT_PAIR, EMPLOYEE_YEARS, STOP_PAYER),
    decide=decide_which_to_keep,
)

HOW_TO_STOP = Rule(
    id="stop_insurance",
    title="How do I stop (suspend) a medical insurance enrolment?",
    inputs=(STOP_PAYER,),
    decide=decide_how_to_stop,
)
