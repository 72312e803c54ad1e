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
"""

from __future__ import annotations

from policy_rules.engine import Evaluation, Rule, unit
from policy_rules.inputs import InputSpec

SOURCE = "paying_again_and_card_use"

INPUTS = (
    InputSpec(
        "paid_scheme",
        "choice",
        "which insurance you paid for that is now duplicated: residents' or employee",
        choices=("residents", "employee"),
    ),
    InputSpec(
        "joined_before_benefit_period",
        "bool",
        "whether your other insurance started before the benefit period of the residents' insurance you paid for",
        optional=True,
    ),
)


@unit("refund.paid_period_not_paid_again", SOURCE, "Paragraph 1")
def paid_period_not_paid_again(ev: Evaluation) -> str:
    """A period already paid cannot be paid again."""
    return "Medical insurance already paid for a period cannot be paid again for the same period."


@unit("refund.before_benefit_period", SOURCE, "Paragraph 1")
def refund_before_benefit_period(ev: Evaluation) -> str:
    """Joined other insurance before the benefit period began: the individual part is refunded on termination."""
    return (
        "Apply for a refund of your individual contribution at the same time as you terminate your residents' "
        "insurance enrolment."
    )


@unit("refund.after_benefit_period_started", SOURCE, "Paragraph 1")
def no_refund_after_start(ev: Evaluation) -> str:
    """Joined after the benefit period began: in principle no refund when the enrolment is terminated."""
    return (
        "Once the benefit period has started, the individual contribution is in principle not refunded when the "
        "residents' enrolment is terminated."
    )


def decide(ev: Evaluation):
    again = paid_period_not_paid_again(ev)
    if ev.fact("paid_scheme") == "employee":
        return ev.decision(
            outcome="not_settled_by_sources",
            answer=(
                "The published rules on refunds cover only a residents' contribution paid twice; they say nothing "
                "about an employee contribution. Please ask your local medical insurance bureau or call 12333."
            ),
            notes=(again,),
            refer_to_bureau=True,
        )
    before = ev.optional_fact("joined_before_benefit_period")
    refund, no_refund = refund_before_benefit_period(ev), no_refund_after_start(ev)
    if before is None:
        return ev.decision(
            outcome="depends_on_benefit_period_start",
            answer=(
                "It depends on when your other insurance started. If it started before the benefit period of the "
                "residents' insurance you paid for began, you can get your individual contribution back. If it "
                "started after, in principle there is no refund. Your local medical insurance bureau can tell you "
                "when that benefit period began."
            ),
            steps=(refund,),
            notes=(no_refund, again),
            refer_to_bureau=True,
        )
    if before:
        return ev.decision(
            outcome="refund_of_individual_part",
            answer="Yes: your other insurance started before the benefit period began, so your individual "
            "residents' contribution can be refunded.",
            steps=(refund,),
            notes=(again,),
        )
    return ev.decision(
        outcome="no_refund_in_principle",
        answer="In principle no: your other insurance started after the benefit period of the residents' insurance "
        "had begun. " + no_refund,
        notes=(again,),
    )


def decide_pay_again(ev: Evaluation):
    return ev.decision(
        outcome="paid_period_not_paid_again",
        answer=paid_period_not_paid_again(ev),
        notes=(
            "If you paid residents' insurance and then joined employee insurance or another residents' insurance, "
            "ask me about a refund.",
        ),
    )


RULE = Rule(
    id="residents_refund",
    title="I paid residents' insurance and then joined other insurance: can I get a refund?",
    inputs=INPUTS,
    decide=decide,
)

PAY_AGAIN = Rule(
    id="pay_again",
    title="Can I pay the medical insurance again?",
    inputs=(),
    decide=decide_pay_again,
)
