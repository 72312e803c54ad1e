"""Refund of a duplicated residents' contribution, and paying a period twice.

Source: "Can I pay the medical insurance again?" (document 004).

Readings chosen where the text is open:
- The article speaks of the "corresponding treatment enjoyment period" (benefit
  period) of the residents' contribution paid, without saying when it starts;
  the rule therefore asks whether the other enrolment began before it, and
  when the citizen does not know, gives both outcomes and points to the bureau
  for the start date.
- Joining employee insurance or another residents' insurance leads to the same
  result, so which one was joined is not asked.
- The article covers only residents' contributions; for an employee
  contribution paid twice it says nothing, and the rule says so.
- Not sure which insurance was paid: the answer is given for both; the
  payments are on the insurance record (document 002, step 2).
"""

from __future__ import annotations

from policy_rules.engine import GENERAL_OUTCOME, Decision, Evaluation, Rule, Statement, says, unit
from policy_rules.inputs import InputSpec
from policy_rules.rules.finding_out import on_record

SOURCE = "paying_again_and_card_use"

INPUTS = (
    InputSpec("paid_scheme", "choice", choices=("residents", "employee")),
    InputSpec("joined_before_benefit_period", "bool", optional=True),
)


@unit(
    "refund.paid_period_not_paid_again",
    SOURCE,
    "paragraph_1",
    quote="The medical insurance has been paid, so it cannot be paid again",
)
def paid_period_not_paid_again(ev: Evaluation) -> Statement:
    return says("refund.paid_period_not_paid_again")


@unit(
    "refund.before_benefit_period",
    SOURCE,
    "paragraph_1",
    quote="participates in the employee's medical insurance or other residents' medical insurance co-ordination "
    "before the start of the corresponding treatment enjoyment period, he can apply for a refund for the "
    "individual while terminating the relevant residents' medical insurance participation relationship",
)
def refund_before_benefit_period(ev: Evaluation) -> Statement:
    return says("refund.apply_when_terminating")


@unit(
    "refund.after_benefit_period_started",
    SOURCE,
    "paragraph_1",
    quote="After the start of the treatment enjoyment period, the individual payment part will not be refunded in "
    "principle",
)
def no_refund_after_start(ev: Evaluation) -> Statement:
    return says("refund.none_after_start")


def decide(ev: Evaluation) -> Decision:
    again = paid_period_not_paid_again(ev)
    if ev.fact("paid_scheme") == "employee":
        return ev.decision(
            outcome="not_settled_by_sources",
            answer=says("refund.employee_contribution_open"),
            notes=(again,),
            refer_to_bureau=True,
        )
    before = ev.optional_fact("joined_before_benefit_period")
    refund, no_refund = refund_before_benefit_period(ev), no_refund_after_start(ev)
    if before is None:
        return ev.decision(
            outcome="depends_on_benefit_period_start",
            answer=says("refund.depends_on_start"),
            steps=(refund,),
            notes=(no_refund, again),
            refer_to_bureau=True,
        )
    if before:
        return ev.decision(
            outcome="refund_of_individual_part", answer=says("refund.yes_before_start"), steps=(refund,), notes=(again,)
        )
    return ev.decision(
        outcome="no_refund_in_principle", answer=(says("refund.no_after_start"), no_refund), notes=(again,)
    )


def decide_pay_again(ev: Evaluation) -> Decision:
    return ev.decision(
        outcome="paid_period_not_paid_again",
        answer=paid_period_not_paid_again(ev),
        notes=(says("refund.ask_about_refund"),),
    )


PAY_AGAIN = Rule(id="pay_again", inputs=(), outcomes=("paid_period_not_paid_again",), decide=decide_pay_again)


# --- The general statement: the rule for everyone, without a citizen's dates ---------------------------------


def decide_general(ev: Evaluation) -> Decision:
    """Refund before the benefit period starts, none after; an employee contribution is not covered by the article."""
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(says("refund.general"), refund_before_benefit_period(ev)),
        notes=(no_refund_after_start(ev), paid_period_not_paid_again(ev), says("refund.employee_contribution_open")),
    )


RULE = Rule(
    id="residents_refund",
    inputs=INPUTS,
    outcomes=(
        "not_settled_by_sources",
        "depends_on_benefit_period_start",
        "refund_of_individual_part",
        "no_refund_in_principle",
    ),
    decide=decide,
    find_out={"paid_scheme": on_record("paid_scheme")},
    general=decide_general,
)
