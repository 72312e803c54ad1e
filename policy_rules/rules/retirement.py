"""Contributions at retirement: Social Insurance Law, Article 27 (quoted in document 004).

Readings chosen where the text is open:
- The article refers to "the fixed number of years stipulated by the state"
  without giving it; no source states the number, so the rule asks the citizen
  for it and, when they do not know, gives both outcomes and refers them to the
  bureau rather than assuming one.
- Zero years: 0 contribution years at retirement is possible and accepted
  (the citizen may then pay up to the required years); a requirement of 0
  years is not a requirement, so required_years 0 is refused as a typo.
- Before the statutory retirement age the article does not apply yet, so the
  contribution years are not asked.
- "I have already reached the required years" (or "not yet") without numbers:
  the context fact `required_years_reached` (never asked) decides whether the
  years are met, so the years are not asked; a required number of years, when
  also given, wins, being more precise. Before retirement age it keeps only the matching
  half of the article in the answer.
- The article speaks of "Individuals who participate in the basic medical
  insurance for employees": every answer says it concerns employee medical
  insurance only (not residents' insurance).
- Not yet at retirement age but the years paid so far given ("about to retire,
  paid 18 years, is that enough?"): they are compared with the years required
  (asked once, as at retirement age), as what will hold at retirement.
- Not sure whether the retirement age is reached: the answer is given for
  both; no source says where to check it, so the answer points to 12333.
  Not sure of one's contribution years: with the required years known, the
  answer is given for reaching them and for falling short; with those unknown
  too, the article is told as it stands. The years paid are on the insurance
  record (document 002, step 2).
"""

from __future__ import annotations

from policy_rules.engine import GENERAL_OUTCOME, Case, Decision, Evaluation, Rule, Statement, is_unknown, says, unit
from policy_rules.inputs import InputSpec
from policy_rules.rules.finding_out import not_in_sources, on_record

SOURCE = "social_insurance_law_article_27"

INPUTS = (
    InputSpec("reached_retirement_age", "bool"),
    InputSpec("contribution_years", "years", maximum=60),
    InputSpec("required_years", "years", optional=True, maximum=60, positive=True),
    InputSpec("required_years_reached", "bool", asked=False),
)


@unit(
    "retirement.no_premiums_when_years_met",
    SOURCE,
    "article_27",
    quote="will not pay the basic medical insurance premium after retirement and enjoy the basic medical insurance "
    "benefits in accordance with the provisions of the state if they reach the statutory retirement age and "
    "the accumulated payment has reached the fixed number of years stipulated by the state",
)
def years_met(ev: Evaluation, contribution_years: float, required_years: float) -> bool:
    return contribution_years >= required_years


@unit(
    "retirement.article_27",
    SOURCE,
    "article_27",
    quote="Those who have not reached the fixed number of years prescribed by the state may pay the fees to the "
    "fixed number of years prescribed by the state",
)
def article_27(ev: Evaluation) -> tuple[Statement, Statement]:
    return says("retirement.years_met"), says("retirement.years_short")


@unit(
    "retirement.employee_insurance_only",
    SOURCE,
    "article_27",
    quote="Individuals who participate in the basic medical insurance for employees",
)
def employee_insurance_only(ev: Evaluation) -> Statement:
    return says("retirement.employee_insurance_only")


def decide(ev: Evaluation) -> Decision:
    met, short = article_27(ev)
    only = employee_insurance_only(ev)
    reached = ev.given("required_years_reached")
    said = {True: (met,), False: (short,)}.get(reached, (met, short))  # the half the citizen's case needs
    if not ev.fact("reached_retirement_age"):
        return before_retirement(ev, only, said)
    if reached is not None and ev.given("required_years") is None:
        paid_years = ev.given("contribution_years")
        known_years = paid_years is not None and not is_unknown(paid_years)
        have = (says("retirement.you_have", paid=paid_years),) if known_years else ()
        return ev.decision(
            outcome="no_more_premiums" if reached else "may_pay_up_to_required_years",
            answer=(only, *have, *said),
            steps=() if reached else (says("retirement.compare_with_required"),),
        )
    if ev.is_unknown("contribution_years") and ev.optional_fact("required_years") is None:
        return ev.decision(  # neither number known: the article as it stands
            outcome="depends_on_required_years",
            answer=(only, met, short),
            steps=(find_contribution_years(ev), says("retirement.compare_with_required")),
            refer_to_bureau=True,
        )
    paid = ev.fact("contribution_years")
    required = ev.optional_fact("required_years")
    if required is None:
        return ev.decision(
            outcome="depends_on_required_years",
            answer=(only, says("retirement.you_have", paid=paid), met, short),
            steps=(says("retirement.compare_with_required"),),
            facts={"contribution_years": paid},
            refer_to_bureau=True,
        )
    if years_met(ev, contribution_years=paid, required_years=required):
        return ev.decision(
            outcome="no_more_premiums",
            answer=(only, says("retirement.reaches", paid=paid, required=required)),
            facts={"contribution_years": paid, "required_years": required},
        )
    shortfall = required - paid
    return ev.decision(
        outcome="may_pay_up_to_required_years",
        answer=(only, says("retirement.short_of", paid=paid, shortfall=shortfall, required=required)),
        steps=(says("retirement.how_to_pay_missing", shortfall=shortfall),),
        facts={"contribution_years": paid, "required_years": required, "shortfall_years": shortfall},
    )


def before_retirement(ev: Evaluation, only: Statement, said: tuple[Statement, ...]) -> Decision:
    """Not yet at retirement age: the article applies later. Years paid so far, when the citizen gave them, are
    compared with the years required (asked once; not sure: where to find that number)."""
    applies_later = says("retirement.applies_at_retirement_age")
    paid = ev.given("contribution_years")
    if paid is None or is_unknown(paid):  # not asked before retirement age: only an answer that was given
        return ev.decision(
            outcome="rule_applies_at_retirement",
            answer=(only, applies_later, *said),
            notes=(says("retirement.ask_required_years"),),
        )
    required = ev.optional_fact("required_years")
    if required is None:
        return ev.decision(
            outcome="rule_applies_at_retirement",
            answer=(only, applies_later, says("retirement.you_have", paid=paid), said[0]),  # one half: a phone screen
            steps=(says("retirement.compare_with_required"),),
            facts={"contribution_years": paid},
        )
    if years_met(ev, contribution_years=paid, required_years=required):
        return ev.decision(
            outcome="rule_applies_at_retirement",
            answer=(only, applies_later, says("retirement.reaches", paid=paid, required=required)),
            facts={"contribution_years": paid, "required_years": required},
        )
    shortfall = required - paid
    return ev.decision(
        outcome="rule_applies_at_retirement",
        answer=(only, applies_later, says("retirement.short_of", paid=paid, shortfall=shortfall, required=required)),
        steps=(says("retirement.how_to_pay_missing", shortfall=shortfall),),
        facts={"contribution_years": paid, "required_years": required, "shortfall_years": shortfall},
    )


find_contribution_years = on_record("contribution_years")


def contribution_years_cases(ev: Evaluation) -> tuple[Case, ...]:
    """Unknown years paid, required years known: reaching them or not (the values stand for each side)."""
    required = ev.optional_fact("required_years")
    return (
        Case(says("case.contribution_years.reach", required=required), {"contribution_years": required}, exact=False),
        Case(says("case.contribution_years.short", required=required), {"contribution_years": 0}, exact=False),
    )


# --- The general statement: the rule for everyone, without a citizen's years ----------------------------------


def decide_general(ev: Evaluation) -> Decision:
    met, short = article_27(ev)
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(employee_insurance_only(ev), says("retirement.applies_at_retirement_age"), met, short),
        notes=(says("retirement.ask_required_years"),),
    )


RULE = Rule(
    id="retirement",
    inputs=INPUTS,
    outcomes=(
        "rule_applies_at_retirement",
        "depends_on_required_years",
        "no_more_premiums",
        "may_pay_up_to_required_years",
    ),
    decide=decide,
    unknown_cases={"contribution_years": contribution_years_cases},
    find_out={
        "reached_retirement_age": not_in_sources("reached_retirement_age"),
        "contribution_years": find_contribution_years,
    },
    general=decide_general,
)
