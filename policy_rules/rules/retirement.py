"""Contributions at retirement: Social Insurance Law, Article 27 (quoted in document 004).

Readings chosen where the text is open:
- The article refers to "the fixed number of years stipulated by the state"
  without giving it; no source states the number, so the rule asks the citizen
  for it and, when they do not know, gives both outcomes and refers them to the
  bureau rather than assuming one.
- Before the statutory retirement age the article does not apply yet, so the
  contribution years are not asked.
"""

from __future__ import annotations

from policy_rules.engine import Evaluation, Rule, unit
from policy_rules.inputs import InputSpec

SOURCE = "social_insurance_law"

INPUTS = (
    InputSpec("reached_retirement_age", "bool", "whether you have reached the statutory retirement age"),
    InputSpec("contribution_years", "years", "how many years of employee medical insurance contributions you have",
              maximum=60),
    InputSpec("required_years", "years", "how many contribution years your area requires at retirement",
              optional=True, maximum=60),
)


@unit("retirement.no_premiums_when_years_met", SOURCE, "Article 27")
def years_met(ev: Evaluation, contribution_years: float, required_years: float) -> bool:
    """At retirement age with the required years: no more premiums, benefits continue."""
    return contribution_years >= required_years


@unit("retirement.article_27", SOURCE, "Article 27")
def article_27(ev: Evaluation) -> tuple[str, str]:
    """At retirement age: years met means no more premiums; years short may be paid up."""
    return (
        "If your accumulated contributions reach the number of years fixed by the state, you pay no more "
        "premiums after retirement and keep your basic medical insurance benefits.",
        "If they fall short, you may pay contributions up to the required number of years.",
    )


def _years(value: float) -> str:
    return f"{value:g} year" + ("" if value == 1 else "s")


def decide(ev: Evaluation):
    met_text, short_text = article_27(ev)
    if not ev.fact("reached_retirement_age"):
        return ev.decision(
            outcome="rule_applies_at_retirement",
            answer="Article 27 applies when you reach the statutory retirement age. " + met_text + " " + short_text,
            notes=("The number of years required is set by the state and local rules; 12333 or your local medical "
                   "insurance bureau can tell you the number that applies to you.",),
        )
    paid = ev.fact("contribution_years")
    required = ev.optional_fact("required_years")
    if required is None:
        return ev.decision(
            outcome="depends_on_required_years",
            answer=f"You have {_years(paid)} of contributions. {met_text} {short_text}",
            steps=("Ask 12333 or your local medical insurance bureau how many years are required where you are "
                   "insured, and compare them with your years.",),
            facts={"contribution_years": paid},
            refer_to_bureau=True,
        )
    if years_met(ev, contribution_years=paid, required_years=required):
        return ev.decision(
            outcome="no_more_premiums",
            answer=f"You have {_years(paid)} of contributions, which reaches the {_years(required)} required: "
            "you pay no more premiums after retirement and keep your basic medical insurance benefits.",
            facts={"contribution_years": paid, "required_years": required},
        )
    shortfall = required - paid
    return ev.decision(
        outcome="may_pay_up_to_required_years",
        answer=f"You have {_years(paid)} of contributions, {_years(shortfall)} short of the {_years(required)} "
        "required: you may pay contributions up to the required number of years.",
        steps=(f"Ask your medical insurance agency how to pay the missing {_years(shortfall)}.",),
        facts={"contribution_years": paid, "required_years": required, "shortfall_years": shortfall},
    )


RULE = Rule(
    id="retirement",
    title="Do I keep paying medical insurance after retirement?",
    inputs=INPUTS,
    decide=decide,
)
