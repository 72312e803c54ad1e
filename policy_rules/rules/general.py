"""Answers that depend on no fact of the citizen's case: who may join, card use,
what insurance does not pay for, and where to get help.

Sources: Social Insurance Law, Article 23 (quoted in document 002); "Can I pay
the medical insurance again?" (document 004); "How to operate the medical
insurance online?" (document 002).

Reading chosen: neither source gives a local medical-insurance hotline number,
so the rule names 12333 (stated in document 002) and tells the citizen to use
their local bureau's own line, without inventing a number.
"""

from __future__ import annotations

from policy_rules.engine import Evaluation, Rule, unit

CARD_SOURCE = "paying_again_and_card_use"
ONLINE_SOURCE = "online_handling_and_interruption"


@unit("eligibility.employees_must_join", "social_insurance_law", "Article 23, paragraph 1")
def employees_must_join(ev: Evaluation) -> str:
    """Employees join employee insurance; employer and employee pay jointly."""
    return ("Employees must join the basic medical insurance for employees; the employer and the employee pay the "
            "premiums together.")


@unit("eligibility.flexible_workers_may_join", "social_insurance_law", "Article 23, paragraph 2")
def flexible_workers_may_join(ev: Evaluation) -> tuple[str, ...]:
    """Self-employed without employees, part-timers and flexible workers may join, paying themselves."""
    return (
        "Individual industrial and commercial households (self-employed) without employees,",
        "part-time workers who are not in employee insurance through an employer,",
        "other flexibly employed people,",
    )


@unit("card.no_cash", CARD_SOURCE, "Card use, item 1")
def no_cash(ev: Evaluation) -> str:
    """Cash withdrawal from the medical insurance card is prohibited."""
    return ("No: taking cash out of the medical insurance card is strictly forbidden for every unit and person; the "
            "card may only be used within its scope.")


@unit("card.family_use", CARD_SOURCE, "Card use, item 2")
def family_use(ev: Evaluation) -> tuple[str, str]:
    """Some provinces and cities let the personal account pay for close relatives."""
    return (
        "Only where local rules allow it. In some provinces and cities, such as Zhejiang Province and Guangzhou, "
        "the surplus of an employee's personal account from past years can pay medical costs of the spouse, "
        "children, parents and other close relatives.",
        "Check with your local medical insurance bureau whether your city allows it.",
    )


@unit("coverage.exclusions", CARD_SOURCE, "Card use, item 3")
def exclusions(ev: Evaluation) -> tuple[str, ...]:
    """Costs the medical insurance does not pay."""
    return (
        "treatment at a non-designated hospital or medicine from a non-designated pharmacy (except emergencies);",
        "injuries from fighting, drug abuse or other illegal acts;",
        "treatment for alcoholism, suicide attempts or self-harm;",
        "injuries from traffic accidents, medical accidents or other accidents where someone else is liable;",
        "anything that state or local rules say the individual must pay.",
    )


@unit("service.hotline", ONLINE_SOURCE, "Step 3")
def hotline(ev: Evaluation) -> str:
    """12333 answers social security questions during working hours."""
    return ("Call 12333, the social security hotline, during normal working hours; it is often busy, so please be "
            "patient.")


@unit("service.online_channels", ONLINE_SOURCE, "Steps 1 and 2 and summary")
def online_channels(ev: Evaluation) -> tuple[str, ...]:
    """Online: the local website, the national app, the local app, the WeChat account."""
    return (
        "Your city's labour security or social insurance website: \"Personal Social Security Information "
        "Inquiry\" shows your insurance and payments (log in with your ID card number; the password is your "
        "social security number or your date of birth).",
        "The National Medical Insurance Service Platform app.",
        "The app of your local human resources and social security bureau.",
        "The official WeChat account of your local human resources and social security bureau.",
    )


def decide_eligibility(ev: Evaluation):
    must = employees_must_join(ev)
    may = flexible_workers_may_join(ev)
    return ev.decision(
        outcome="who_may_join_employee_insurance",
        answer=must,
        notes=("These may also join, paying the premiums themselves: " + " ".join(may).rstrip(",") + ".",),
    )


def decide_card_cash(ev: Evaluation):
    return ev.decision(outcome="cash_withdrawal_prohibited", answer=no_cash(ev))


def decide_family_use(ev: Evaluation):
    where, check = family_use(ev)
    return ev.decision(outcome="family_use_depends_on_local_rules", answer=where, steps=(check,))


def decide_exclusions(ev: Evaluation):
    return ev.decision(outcome="not_covered_list", answer="The medical insurance does not pay for:",
                       steps=exclusions(ev))


def decide_channels(ev: Evaluation):
    return ev.decision(
        outcome="service_channels",
        answer=hotline(ev),
        steps=online_channels(ev),
        notes=("For a question about your own records, your local medical insurance bureau's service line or "
               "counter can also help.",),
    )


ELIGIBILITY = Rule("employee_insurance_eligibility", "Who can join the employee medical insurance?", (),
                   decide_eligibility)
CARD_CASH = Rule("card_cash", "Can I take cash out of my medical insurance card?", (), decide_card_cash)
CARD_FAMILY = Rule("card_family_use", "Can my family use my medical insurance card?", (), decide_family_use)
EXCLUSIONS = Rule("not_covered", "What does the medical insurance not pay for?", (), decide_exclusions)
CHANNELS = Rule("service_channels", "How can I contact a person or handle things online?", (), decide_channels)
