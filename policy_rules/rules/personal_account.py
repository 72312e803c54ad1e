"""Withdrawing the personal medical account balance.

Source: "Transfer and withdrawal of medical insurance in Shenzhen" (document 001),
paragraph 1 and items 1 to 4.

Readings chosen where the text is open:
- Item 3 ("left the country to settle down before retirement or foreigners who
  have left the country") and paragraph 1 ("leave the country to settle down
  or lose their nationality") are one case: leaving the country before
  retirement, after stopping the insurance.
- Item 4 (receiving agency refuses the balance or gives no account) and
  paragraph 1 (account cannot be transferred) are one case.
- Any other reason is not covered: the rule says so and refers to the bureau.
"""

from __future__ import annotations

from policy_rules.engine import Evaluation, Rule, unit
from policy_rules.inputs import InputSpec

SOURCE = "transfer_and_withdrawal"

SITUATIONS = (
    "retired_living_elsewhere",
    "retired_settled_abroad",
    "insured_person_died",
    "leaving_country_before_retirement",
    "transfer_balance_refused",
    "moving_to_another_city",
    "still_insured",
    "other",
)

INPUTS = (
    InputSpec(
        "withdrawal_situation",
        "choice",
        "why you want to take the money out of the personal account",
        choices=SITUATIONS,
    ),
)


@unit("personal_account.no_withdrawal_while_insured", SOURCE, "Paragraph 1")
def no_withdrawal_while_insured(ev: Evaluation) -> str:
    """While insured the account cannot be drawn or used otherwise; it is carried forward and inherited."""
    return (
        "While you are insured, the money in the personal account on your medical insurance (social security) "
        "card cannot be withdrawn or used for other purposes; the principal and interest are carried forward "
        "and can be inherited."
    )


@unit("personal_account.retired_elsewhere_or_abroad", SOURCE, "Item 1")
def retired_elsewhere_or_abroad(ev: Evaluation) -> str:
    """After retirement: confirmed long-term treatment elsewhere, or settling abroad, allows withdrawal."""
    return (
        "Retired insured persons who have completed the confirmation for long-term medical treatment in another "
        "place, or who settle abroad, can withdraw the personal account with the relevant materials."
    )


@unit("personal_account.heir_after_death", SOURCE, "Item 2")
def heir_after_death(ev: Evaluation) -> str:
    """After the insured person's death the heir can withdraw the account."""
    return "After the insured person's death, the heir can withdraw the personal account with the relevant documents."


@unit("personal_account.leaving_country_before_retirement", SOURCE, "Paragraph 1 and item 3")
def leaving_country(ev: Evaluation) -> tuple[str, str]:
    """Settling abroad, losing nationality or a foreigner going home before retirement: withdraw after stopping."""
    return (
        "First stop the insurance (go through the formalities of leaving and stopping insurance).",
        "Then apply for a one-time payment of the personal account balance with the relevant documents; this "
        "also ends your medical insurance relationship in the city.",
    )


@unit("personal_account.transfer_balance_refused", SOURCE, "Paragraph 1 and item 4")
def transfer_refused(ev: Evaluation) -> str:
    """Balance that cannot move, or that the new place refuses, can be paid out once."""
    return (
        "If the insurance agency at the new place refuses the balance, gives no account to receive it, or it "
        "cannot be transferred, apply for a one-time payment of the balance with the certificates from that agency."
    )


@unit("personal_account.moves_with_relationship", SOURCE, "Paragraph 1 and item 4")
def moves_with_relationship(ev: Evaluation) -> str:
    """On a transfer the balance moves with the relationship in principle."""
    return "When you move, the balance is in principle transferred with your medical insurance relationship."


def decide(ev: Evaluation):
    situation = ev.fact("withdrawal_situation")
    if situation in ("retired_living_elsewhere", "retired_settled_abroad"):
        return ev.decision(
            outcome="withdrawal_allowed",
            answer="Yes. " + retired_elsewhere_or_abroad(ev),
            steps=("Bring the relevant materials to the medical insurance agency to withdraw the balance.",),
        )
    if situation == "insured_person_died":
        return ev.decision(outcome="withdrawal_by_heir", answer="Yes. " + heir_after_death(ev),
                           notes=(no_withdrawal_while_insured(ev),))
    if situation == "leaving_country_before_retirement":
        stop_first, then_withdraw = leaving_country(ev)
        return ev.decision(
            outcome="withdrawal_after_stopping_insurance",
            answer="Yes, once you have stopped the insurance.",
            steps=(stop_first, then_withdraw),
        )
    if situation == "transfer_balance_refused":
        return ev.decision(outcome="withdrawal_allowed", answer="Yes. " + transfer_refused(ev),
                           notes=(moves_with_relationship(ev),))
    if situation == "moving_to_another_city":
        return ev.decision(
            outcome="balance_moves_with_transfer",
            answer="No cash-out: " + moves_with_relationship(ev),
            notes=(transfer_refused(ev),),
        )
    if situation == "still_insured":
        return ev.decision(outcome="no_withdrawal_while_insured", answer="No. " + no_withdrawal_while_insured(ev))
    return ev.decision(
        outcome="not_settled_by_sources",
        answer=(
            "The published rules allow a withdrawal only after retirement (long-term treatment elsewhere or settling "
            "abroad), after the insured person's death, when leaving the country before retirement, or when the "
            "balance cannot be transferred. For any other situation please ask your local medical insurance bureau."
        ),
        notes=(no_withdrawal_while_insured(ev),),
        refer_to_bureau=True,
    )


def decide_rules(ev: Evaluation):
    return ev.decision(
        outcome="account_rules",
        answer=no_withdrawal_while_insured(ev),
        notes=(moves_with_relationship(ev), transfer_refused(ev)),
    )


RULE = Rule(
    id="account_withdrawal",
    title="Can I withdraw the money in my personal medical account?",
    inputs=INPUTS,
    decide=decide,
)

ACCOUNT_RULES = Rule(
    id="personal_account_rules",
    title="What are the rules of the personal medical account?",
    inputs=(),
    decide=decide_rules,
)
