"""Moving the medical insurance relationship to another city.

Sources: "How to transfer social security and medical insurance procedures"
(document 003) and "Transfer and withdrawal of medical insurance in Shenzhen"
(document 001) for the personal account.

Readings chosen where the text is open:
- "within three months after the termination of the original relationship"
  is a deadline of the same day three calendar months later (the last day of
  the month when that month is shorter): ended 31 August → 30 November.
- Bills of the gap: paid when the new payment starts by that same deadline; a
  payment that starts later leaves the unpaid period uncovered.
- "from the next month" means the month after the transfer is completed; the
  completion date is not asked, as citizens rarely know it in advance.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from policy_rules.calendar import add_months, date_label
from policy_rules.engine import Evaluation, Rule, unit
from policy_rules.errors import InconsistentInputs
from policy_rules.inputs import InputSpec
from policy_rules.rules.personal_account import moves_with_relationship, transfer_refused

SOURCE = "transfer_procedures"

HAS_RECEIVING_EMPLOYER = InputSpec(
    "has_receiving_employer", "bool", "whether an employer at the new place will enrol you"
)
OLD_ENROLMENT_END = InputSpec(
    "old_enrolment_end_date", "date", "the date your insurance at the old place ends or ended", optional=True
)
NEW_CITY = InputSpec("new_city", "text", "the city you are moving to", asked=False)
PAYMENT_RESUMED = InputSpec("payment_resumed_date", "date", "the date you started paying at the new place")


@unit("transfer.what_moves", SOURCE, "Paragraph 1")
def what_moves(ev: Evaluation) -> str:
    """The contribution years and the personal account move, and the years of both places add up."""
    return (
        "Your contribution years and your personal account move with you, and the years in both places are added "
        "together (counted as continuous when there is no break)."
    )


@unit("transfer.procedure", SOURCE, "Treatment method, items 1 and 2")
def procedure(ev: Evaluation, new_city: str | None) -> tuple[str, str]:
    """Cancel at the old place with a participation certificate, then apply at the new place."""
    where = f"in {new_city}" if new_city else "at the new place"
    return (
        "Cancel (terminate) the medical insurance relationship at the place where you are insured now, and get "
        "the Certificate of Participation from the insurance agency there.",
        f"Apply for the transfer at the social security centre {where}: fill in the transfer application form and "
        "bring the Certificate of Participation and the payment certificate from the old place; the relationship "
        "and the personal account are transferred together.",
    )


@unit("transfer.receiving_employer", SOURCE, "Matters needing attention, item 1")
def receiving_employer(ev: Evaluation) -> str:
    """With a receiving employer, the employer handles the medical insurance formalities."""
    return "Your new employer goes through the medical insurance formalities for you at the new place."


@unit("transfer.individual_payment_deadline", SOURCE, "Matters needing attention, item 1")
def individual_payment_deadline(ev: Evaluation, old_enrolment_end_date: dt.date) -> dt.date:
    """Without a receiving employer, pay at the new place within three months after the old enrolment ends."""
    return add_months(old_enrolment_end_date, ev.param("transfer.individual_payment_window_months"))


@unit("transfer.schemes_convert", SOURCE, "Matters needing attention, item 2")
def schemes_convert(ev: Evaluation) -> str:
    """The three schemes convert freely when the relationship is transferred."""
    return (
        "When transferring you may switch freely between the three schemes: employee insurance (urban workers), "
        "urban residents' insurance and the new rural cooperative medical system."
    )


@unit("transfer.benefits_from_next_month", SOURCE, "After the transfer")
def benefits_from_next_month(ev: Evaluation) -> str:
    """Benefits at the new place start the month after the transfer."""
    months = ev.param("transfer.benefits_start_delay_months")
    return ("You get benefits at the new place from the month after the transfer."
            if months == 1 else f"You get benefits at the new place {months} months after the transfer.")


@unit("transfer.gap_bills", SOURCE, "After the transfer")
def gap_bills_rule(ev: Evaluation) -> str:
    """Bills during the formalities are paid if payment resumes within three months; not beyond."""
    months = ev.param("transfer.gap_bills_covered_months")
    return (
        f"Medical bills from while the transfer is handled are paid when you start paying again within {months} "
        f"months; if you stay unpaid for more than {months} months, bills from the unpaid period are not paid."
    )


@unit("transfer.gap_bills_covered", SOURCE, "After the transfer")
def gap_bills_covered(ev: Evaluation, old_enrolment_end_date: dt.date, payment_resumed_date: dt.date) -> bool:
    """Payment resumed by the three-month deadline: the gap's bills are paid."""
    return payment_resumed_date <= add_months(old_enrolment_end_date, ev.param("transfer.gap_bills_covered_months"))


def decide(ev: Evaluation):
    cancel, apply = procedure(ev, new_city=ev.given("new_city"))
    notes = [what_moves(ev), schemes_convert(ev), benefits_from_next_month(ev),
             moves_with_relationship(ev), transfer_refused(ev)]
    if ev.fact("has_receiving_employer"):
        return ev.decision(
            outcome="transfer_through_new_employer",
            answer=f"{receiving_employer(ev)} You still ask the old place to end your insurance there and take the "
            "certificate with you.",
            steps=(cancel, apply),
            notes=notes,
        )
    months = ev.param("transfer.individual_payment_window_months")
    end = ev.optional_fact("old_enrolment_end_date")
    facts = {}
    if end is None:
        deadline_words = f"within {months} months after your insurance at the old place ends"
    else:
        deadline = individual_payment_deadline(ev, old_enrolment_end_date=end)
        facts["payment_deadline"] = deadline.isoformat()
        deadline_words = f"by {date_label(deadline)} ({months} months after your old insurance ended on {date_label(end)})"
    notes.insert(0, gap_bills_rule(ev))
    return ev.decision(
        outcome="transfer_paying_as_individual",
        answer=f"Without a receiving employer you must start paying the insurance yourself at the new place "
        f"{deadline_words}.",
        steps=(cancel, apply, f"Start paying as an individual at the new place {deadline_words}."),
        notes=notes,
        facts=facts,
    )


def decide_gap_bills(ev: Evaluation):
    end, resumed = ev.fact("old_enrolment_end_date"), ev.fact("payment_resumed_date")
    general = gap_bills_rule(ev)
    months = ev.param("transfer.gap_bills_covered_months")
    if gap_bills_covered(ev, old_enrolment_end_date=end, payment_resumed_date=resumed):
        return ev.decision(
            outcome="gap_bills_paid",
            answer=f"You started paying again on {date_label(resumed)}, within {months} months of {date_label(end)}, "
            "so medical bills from the gap are paid by the insurance agency.",
            notes=(general,),
        )
    return ev.decision(
        outcome="gap_bills_not_paid",
        answer=f"You started paying again on {date_label(resumed)}, more than {months} months after {date_label(end)}, "
        "so medical bills from the unpaid period are not paid.",
        notes=(general,),
    )


def check_gap_bills(facts: dict) -> None:
    end, resumed = facts.get("old_enrolment_end_date"), facts.get("payment_resumed_date")
    if end and resumed and resumed < end:
        raise InconsistentInputs(
            f"The new payment ({date_label(resumed)}) starts before the old insurance ended ({date_label(end)}); "
            "please check the dates.",
            "payment_resumed_date",
        )


RULE = Rule(
    id="transfer",
    title="I am moving to another city: what happens to my medical insurance?",
    inputs=(HAS_RECEIVING_EMPLOYER, OLD_ENROLMENT_END, NEW_CITY),
    decide=decide,
)

GAP_BILLS = Rule(
    id="transfer_gap_bills",
    title="Are medical bills paid for the gap while my insurance is transferred?",
    inputs=(dataclasses.replace(OLD_ENROLMENT_END, optional=False), PAYMENT_RESUMED),
    decide=decide_gap_bills,
    check=check_gap_bills,
)
