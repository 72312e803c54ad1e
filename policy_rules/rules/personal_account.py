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
- Item 1 lets a retiree living in another place withdraw only after "the
  confirmation procedures for long-term medical treatment in different places";
  the answer is conditional on that confirmation, and without it the sources do
  not settle the case, so the citizen is referred to the bureau.
- Paragraph 1 also names losing one's nationality; it is told to those leaving
  the country before retirement, the case the choice groups it with.
- Not sure which situation applies: the answer is given for each; no source
  says where to check it, so the answer says so and points to 12333.
"""

from __future__ import annotations

from policy_rules.engine import GENERAL_OUTCOME, Decision, Evaluation, Rule, Statement, says, unit
from policy_rules.inputs import InputSpec
from policy_rules.rules.finding_out import not_in_sources

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

INPUTS = (InputSpec("withdrawal_situation", "choice", choices=SITUATIONS),)


@unit(
    "personal_account.no_withdrawal_while_insured",
    SOURCE,
    "paragraph_1",
    quote="during his insurance period, the funds in the personal account cannot be arbitrarily extracted or used "
    "for other purposes, and the principal and interest can be carried forward and inherited",
)
def no_withdrawal_while_insured(ev: Evaluation) -> Statement:
    return says("personal_account.no_withdrawal_while_insured")


@unit(
    "personal_account.retired_elsewhere_or_abroad",
    SOURCE,
    "item_1",
    quote="Insured persons who have gone through the confirmation procedures for long-term medical treatment in "
    "different places or left the country to settle down after retirement can go through the withdrawal "
    "procedures for personal accounts with relevant materials",
)
def retired_elsewhere_or_abroad(ev: Evaluation) -> Statement:
    return says("personal_account.retired_elsewhere_or_abroad")


@unit(
    "personal_account.heir_after_death",
    SOURCE,
    "item_2",
    quote="After the death of the insured person, his successor can handle the withdrawal procedures of personal "
    "account according to relevant information",
)
def heir_after_death(ev: Evaluation) -> Statement:
    return says("personal_account.heir_after_death")


@unit(
    "personal_account.leaving_country_before_retirement",
    SOURCE,
    "item_3",
    quote="Insured persons who have left the country to settle down before retirement or foreigners who have left "
    "the country to return home before retirement can go through the withdrawal procedures of personal "
    "accounts with relevant information after going through the formalities of downsizing and stopping "
    "insurance according to regulations",
)
def leaving_country(ev: Evaluation) -> tuple[Statement, Statement]:
    return says("personal_account.stop_first"), says("personal_account.then_withdraw")


@unit(
    "personal_account.nationality_lost",
    SOURCE,
    "paragraph_1",
    quote="Insured persons who leave the country to settle down or lose their nationality may apply for a one-time "
    "payment of personal account balance and terminate their medical insurance relationship in this city",
)
def nationality_lost(ev: Evaluation) -> Statement:
    return says("personal_account.nationality_lost")


@unit(
    "personal_account.transfer_balance_refused",
    SOURCE,
    "item_4",
    quote="If the social (medical) insurance agency in the receiving place explicitly refuses to accept the balance "
    "of personal account, or fails to provide the information of receiving account with the balance of "
    "personal account, it may handle the withdrawal procedures of personal account with relevant materials",
)
def transfer_refused(ev: Evaluation) -> Statement:
    return says("personal_account.transfer_balance_refused")


@unit(
    "personal_account.moves_with_relationship",
    SOURCE,
    "paragraph_1",
    quote="In principle, personal accounts are transferred with the medical insurance relationship",
)
def moves_with_relationship(ev: Evaluation) -> Statement:
    return says("personal_account.moves_with_relationship")


def decide(ev: Evaluation) -> Decision:
    situation = ev.fact("withdrawal_situation")
    if situation == "retired_living_elsewhere":
        return ev.decision(
            outcome="withdrawal_once_treatment_elsewhere_confirmed",
            answer=(says("personal_account.yes_once_confirmed"), retired_elsewhere_or_abroad(ev)),
            steps=(says("personal_account.confirm_treatment_elsewhere"), says("personal_account.bring_materials")),
            notes=(says("personal_account.unconfirmed_open"),),
            refer_to_bureau=True,
        )
    if situation == "retired_settled_abroad":
        return ev.decision(
            outcome="withdrawal_allowed",
            answer=(says("yes"), retired_elsewhere_or_abroad(ev)),
            steps=(says("personal_account.bring_materials"),),
        )
    if situation == "insured_person_died":
        return ev.decision(
            outcome="withdrawal_by_heir",
            answer=(says("yes"), heir_after_death(ev)),
            notes=(no_withdrawal_while_insured(ev),),
        )
    if situation == "leaving_country_before_retirement":
        return ev.decision(
            outcome="withdrawal_after_stopping_insurance",
            answer=says("personal_account.yes_once_stopped"),
            steps=leaving_country(ev),
            notes=(nationality_lost(ev),),
        )
    if situation == "transfer_balance_refused":
        return ev.decision(
            outcome="withdrawal_allowed",
            answer=(says("yes"), transfer_refused(ev)),
            notes=(moves_with_relationship(ev),),
        )
    if situation == "moving_to_another_city":
        return ev.decision(
            outcome="balance_moves_with_transfer",
            answer=(says("personal_account.no_cash_out"), moves_with_relationship(ev)),
            notes=(transfer_refused(ev),),
        )
    if situation == "still_insured":
        return ev.decision(outcome="no_withdrawal_while_insured", answer=(says("no"), no_withdrawal_while_insured(ev)))
    return ev.decision(
        outcome="not_settled_by_sources",
        answer=says("personal_account.other_situation_open"),
        notes=(no_withdrawal_while_insured(ev),),
        refer_to_bureau=True,
    )


def decide_rules(ev: Evaluation) -> Decision:
    return ev.decision(
        outcome="account_rules",
        answer=no_withdrawal_while_insured(ev),
        notes=(moves_with_relationship(ev), transfer_refused(ev)),
    )


ACCOUNT_RULES = Rule(id="personal_account_rules", inputs=(), outcomes=("account_rules",), decide=decide_rules)


# --- The general statement: the rule for everyone, without a citizen's situation ------------------------------


def decide_general(ev: Evaluation) -> Decision:
    """No withdrawal while insured; the situations the source names in which the balance can be withdrawn."""
    leaving_country(ev)  # item 3, worded for everyone in the note below
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(no_withdrawal_while_insured(ev), says("personal_account.general_exceptions")),
        notes=(
            retired_elsewhere_or_abroad(ev),
            heir_after_death(ev),
            says("personal_account.general_leaving_country"),
            nationality_lost(ev),
            transfer_refused(ev),
            moves_with_relationship(ev),
        ),
    )


RULE = Rule(
    id="account_withdrawal",
    inputs=INPUTS,
    outcomes=(
        "withdrawal_allowed",
        "withdrawal_once_treatment_elsewhere_confirmed",
        "withdrawal_by_heir",
        "withdrawal_after_stopping_insurance",
        "balance_moves_with_transfer",
        "no_withdrawal_while_insured",
        "not_settled_by_sources",
    ),
    decide=decide,
    find_out={"withdrawal_situation": not_in_sources("withdrawal_situation")},
    general=decide_general,
)
