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

from policy_rules.engine import Decision, Evaluation, Rule, Statement, says, unit

CARD_SOURCE = "paying_again_and_card_use"
ONLINE_SOURCE = "online_handling_and_interruption"
LAW = "social_insurance_law_article_23"


@unit(
    "eligibility.employees_must_join",
    LAW,
    "article_23_paragraph_1",
    quote="Employees should participate in the basic medical insurance for employees, and employers and employees "
    "should jointly pay the basic medical insurance premiums in accordance with state regulations",
)
def employees_must_join(ev: Evaluation) -> Statement:
    return says("eligibility.employees_must_join")


@unit(
    "eligibility.flexible_workers_may_join",
    LAW,
    "article_23_paragraph_2",
    quote="Individual industrial and commercial households without employees, part-time employees who have not "
    "participated in the basic medical insurance for employees and other flexible employees can participate "
    "in the basic medical insurance for employees, and individuals pay the basic medical insurance premium",
)
def flexible_workers_may_join(ev: Evaluation) -> Statement:
    return says("eligibility.flexible_workers_may_join")


@unit(
    "card.no_cash",
    CARD_SOURCE,
    "card_use_1",
    quote="No unit or individual may violate the scope and requirements of the medical insurance card, and it is "
    "strictly forbidden to take cash",
)
def no_cash(ev: Evaluation) -> Statement:
    return says("card.no_cash")


@unit(
    "card.family_use",
    CARD_SOURCE,
    "card_use_2",
    quote="In some provinces and cities, such as Zhejiang Province and Guangzhou City, the surplus funds in "
    "personal accounts of medical insurance over the years can be used to pay the medical insurance expenses "
    "of the spouses, children, parents and other close relatives",
)
def family_use(ev: Evaluation) -> tuple[Statement, Statement]:
    return says("card.family_use_where_allowed"), says("card.check_local_bureau")


@unit(
    "coverage.exclusions",
    CARD_SOURCE,
    "card_use_3",
    quote="Seeing a doctor in a non-designated medical institution or buying medicine in a non-designated retail "
    "pharmacy (except emergency)",
)
def exclusions(ev: Evaluation) -> tuple[Statement, ...]:
    return tuple(says(f"coverage.exclusion_{n}") for n in range(1, 6))


@unit(
    "service.hotline",
    ONLINE_SOURCE,
    "step_3",
    quote="Call 12333 for social security questions, and you can get the most authoritative answer",
)
def hotline(ev: Evaluation) -> Statement:
    return says("service.hotline")


@unit(
    "service.online_channels",
    ONLINE_SOURCE,
    "summary",
    quote="Open the national medical insurance service platform app for processing",
)
def online_channels(ev: Evaluation) -> tuple[Statement, ...]:
    return (
        says("service.records_online"),
        says("service.national_app"),
        says("service.local_app"),
        says("service.local_wechat"),
    )


def decide_eligibility(ev: Evaluation) -> Decision:
    return ev.decision(
        outcome="who_may_join_employee_insurance",
        answer=(employees_must_join(ev), flexible_workers_may_join(ev)),  # "who can join" is both lists
    )


def decide_card_cash(ev: Evaluation) -> Decision:
    return ev.decision(outcome="cash_withdrawal_prohibited", answer=no_cash(ev))


def decide_family_use(ev: Evaluation) -> Decision:
    where, check = family_use(ev)
    return ev.decision(outcome="family_use_depends_on_local_rules", answer=where, steps=(check,))


def decide_exclusions(ev: Evaluation) -> Decision:
    # The exclusions are what the answer lists, not steps to take.
    return ev.decision(outcome="not_covered_list", answer=(says("coverage.not_paid_for"), *exclusions(ev)))


def decide_channels(ev: Evaluation) -> Decision:
    online = online_channels(ev)  # "how do I do it online?" asks this intent too: the online ways in brief at once
    return ev.decision(outcome="service_channels", answer=(hotline(ev), says("service.online_in_brief")), steps=online)


ELIGIBILITY = Rule("employee_insurance_eligibility", (), ("who_may_join_employee_insurance",), decide_eligibility)
CARD_CASH = Rule("card_cash", (), ("cash_withdrawal_prohibited",), decide_card_cash)
CARD_FAMILY = Rule("card_family_use", (), ("family_use_depends_on_local_rules",), decide_family_use)
EXCLUSIONS = Rule("not_covered", (), ("not_covered_list",), decide_exclusions)
CHANNELS = Rule("service_channels", (), ("service_channels",), decide_channels)
