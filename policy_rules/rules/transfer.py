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
- When the question has a date (`as_of`) after the three-month deadline, the
  deadline has passed: the answer says so (fact `deadline_passed`) instead of
  "pay by"; the sources do not say how to resume after it, beyond the bills of
  the unpaid period not being paid, so the citizen is sent to the bureau.
- "from the next month" means the month after the transfer is completed; the
  completion date is not asked, as citizens rarely know it in advance.
- Not sure about a receiving employer: the answer is given for both cases;
  no source says where to check it, so the answer says so and points to
  12333. Not sure of the end date or of the new payment date (bills of the
  gap): the answer gives the day that separates paid from unpaid bills; both
  dates are on the insurance record (document 002, step 2).
- A month without a day ("ended in August 2025"): the end is read as the
  first day of the month (the earliest deadline, so the citizen is never told
  a deadline later than the real one), the new payment as the last day. When
  the other day of the month changes the answer (bills paid or not, deadline
  passed or not), the exact day is asked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from policy_rules.calendar import add_months
from policy_rules.engine import GENERAL_OUTCOME, Case, Decision, Evaluation, Rule, Statement, says, unit
from policy_rules.errors import InconsistentInputs
from policy_rules.inputs import LAST_DAY, InputSpec
from policy_rules.rules.finding_out import not_in_sources, on_record
from policy_rules.rules.personal_account import moves_with_relationship, transfer_refused

SOURCE = "transfer_procedures"

HAS_RECEIVING_EMPLOYER = InputSpec("has_receiving_employer", "bool")
OLD_ENROLMENT_END = InputSpec("old_enrolment_end_date", "date", optional=True)
NEW_CITY = InputSpec("new_city", "text", asked=False)
PAYMENT_RESUMED = InputSpec("payment_resumed_date", "date", month_reading=LAST_DAY)
#: Any day serves to stand for "an end date" when both dates of the gap are unknown.
SOME_END_DATE = dt.date(2000, 1, 31)


@unit(
    "transfer.what_moves",
    SOURCE,
    "paragraph_1",
    quote="the transfer of the basic medical insurance payment period and personal account of the original "
    "employment place to the new work place when the insured moves across regions, so that the medical "
    "insurance period of the two places can be calculated cumulatively",
)
def what_moves(ev: Evaluation) -> Statement:
    return says("transfer.what_moves")


@unit(
    "transfer.cancel_at_old_place",
    SOURCE,
    "treatment_method",
    quote="cancel the medical insurance relationship in the original insured place",
)
def cancel_at_old_place(ev: Evaluation) -> Statement:
    return says("transfer.cancel_at_old_place")


@unit(
    "transfer.apply_at_new_place",
    SOURCE,
    "treatment_method",
    quote="with the Certificate of Participation issued by the transfer agency and the payment certificate of the "
    "original insured place to handle the transfer of medical insurance relationship and personal account",
)
def apply_at_new_place(ev: Evaluation, new_city: str | None) -> Statement:
    return says("transfer.apply_in_city", city=new_city) if new_city else says("transfer.apply_at_new_place")


@unit(
    "transfer.receiving_employer",
    SOURCE,
    "attention_1",
    quote="If there is a receiving unit, it shall go through the medical insurance formalities",
)
def receiving_employer(ev: Evaluation) -> Statement:
    return says("transfer.receiving_employer")


@unit(
    "transfer.individual_payment_window",
    SOURCE,
    "attention_1",
    quote="If there is no receiving unit, the individual shall pay the insurance premium within three months "
    "after the termination of the original basic medical insurance relationship",
)
def individual_payment_window(ev: Evaluation) -> int:
    """Without a receiving employer: the months after the old enrolment ends within which to pay at the new place."""
    months: int = ev.param("transfer.individual_payment_window_months")
    return months


@unit(
    "transfer.individual_payment_deadline",
    SOURCE,
    "attention_1",
    quote="the individual shall pay the insurance premium within three months after the termination of the "
    "original basic medical insurance relationship",
)
def individual_payment_deadline(ev: Evaluation, old_enrolment_end_date: dt.date) -> dt.date:
    return add_months(old_enrolment_end_date, ev.param("transfer.individual_payment_window_months"))


@unit(
    "transfer.schemes_convert",
    SOURCE,
    "attention_2",
    quote="the three medical insurance relationships can be freely converted",
)
def schemes_convert(ev: Evaluation) -> Statement:
    return says("transfer.schemes_convert")


@unit(
    "transfer.benefits_from_next_month",
    SOURCE,
    "after_transfer",
    quote="you will enjoy the corresponding treatment at the transfer place from the next month",
)
def benefits_from_next_month(ev: Evaluation) -> Statement:
    months = ev.param("transfer.benefits_start_delay_months")
    return (
        says("transfer.benefits_next_month") if months == 1 else says("transfer.benefits_months_after", months=months)
    )


@unit(
    "transfer.gap_bills",
    SOURCE,
    "after_transfer",
    quote="Medical expenses occurred in the process of handling the formalities, and if the insurance payment is "
    "made within the prescribed 3 months, the transfer agency shall pay the relevant medical expenses",
)
def gap_bills_rule(ev: Evaluation) -> Statement:
    return says("transfer.gap_bills_rule", months=ev.param("transfer.gap_bills_covered_months"))


@unit(
    "transfer.gap_bills_covered",
    SOURCE,
    "after_transfer",
    quote="For those who have not been insured for more than 3 months, the transfer agency will not pay the "
    "medical expenses during the unpaid period",
)
def gap_bills_covered(ev: Evaluation, old_enrolment_end_date: dt.date, payment_resumed_date: dt.date) -> bool:
    return payment_resumed_date <= add_months(old_enrolment_end_date, ev.param("transfer.gap_bills_covered_months"))


@unit(
    "transfer.id_number_identifies",
    SOURCE,
    "transfer_process",
    quote="The ID number is the unique identification code of the insured. When the medical insurance relationship "
    "is transferred, the insured only needs to show it to the social security agency, and the insured information "
    "can be updated in time",
)
def id_number_identifies(ev: Evaluation) -> Statement:
    return says("transfer.id_number_identifies")


def decide(ev: Evaluation) -> Decision:
    cancel, apply = cancel_at_old_place(ev), apply_at_new_place(ev, new_city=ev.given("new_city"))
    notes = [
        what_moves(ev),
        schemes_convert(ev),
        benefits_from_next_month(ev),
        moves_with_relationship(ev),
        transfer_refused(ev),
        id_number_identifies(ev),
    ]
    if ev.fact("has_receiving_employer"):
        return ev.decision(
            outcome="transfer_through_new_employer",
            answer=(receiving_employer(ev), says("transfer.still_end_old_enrolment")),
            steps=(cancel, apply),
            notes=notes,
        )
    months = individual_payment_window(ev)
    end = ev.optional_fact("old_enrolment_end_date")
    facts: dict[str, Any] = {}
    deadline_params: dict[str, Any] = {"months": months}
    if end is None:
        deadline_key = "transfer.pay_within_months"
    else:
        deadline = individual_payment_deadline(ev, old_enrolment_end_date=end)
        facts["payment_deadline"] = deadline.isoformat()
        deadline_key = "transfer.pay_by_date"
        deadline_params.update(deadline=deadline, end=end)
        if ev.as_of is not None:
            facts["deadline_passed"] = ev.as_of > deadline
            if facts["deadline_passed"]:
                deadline_key = "transfer.deadline_passed"
    notes.insert(0, gap_bills_rule(ev))
    return ev.decision(
        outcome="transfer_paying_as_individual",
        answer=says(f"{deadline_key}.answer", **deadline_params),
        steps=(cancel, apply, says(f"{deadline_key}.step", **deadline_params)),
        notes=notes,
        facts=facts,
        refer_to_bureau=bool(facts.get("deadline_passed")),
    )


def decide_gap_bills(ev: Evaluation) -> Decision:
    end, resumed = ev.fact("old_enrolment_end_date"), ev.fact("payment_resumed_date")
    general = gap_bills_rule(ev)
    covered = gap_bills_covered(ev, old_enrolment_end_date=end, payment_resumed_date=resumed)
    outcome = "gap_bills_paid" if covered else "gap_bills_not_paid"
    return ev.decision(
        outcome=outcome,
        answer=says(
            f"transfer.{outcome}", resumed=resumed, end=end, months=ev.param("transfer.gap_bills_covered_months")
        ),
        notes=(general,),
    )


def earliest_end_with_bills_paid(resumed: dt.date, months: int) -> dt.date:
    """The earliest end date from which a new payment on `resumed` is within the months (add_months clips month
    ends, so the inverse is found by stepping)."""
    end = add_months(resumed, -months)
    while add_months(end, months) < resumed:
        end += dt.timedelta(days=1)
    while add_months(end - dt.timedelta(days=1), months) >= resumed:
        end -= dt.timedelta(days=1)
    return end


def end_date_cases(ev: Evaluation) -> tuple[Case, ...]:
    """An unknown end date: ended early enough for the new payment to be late, or not."""
    months = ev.param("transfer.gap_bills_covered_months")
    if ev.is_unknown("payment_resumed_date"):  # neither date known: within the months or later
        late = add_months(SOME_END_DATE, months) + dt.timedelta(days=1)
        return (
            Case(
                says("case.gap.within", months=months),
                {"payment_resumed_date": add_months(SOME_END_DATE, months), "old_enrolment_end_date": SOME_END_DATE},
                exact=False,
            ),
            Case(
                says("case.gap.later", months=months),
                {"payment_resumed_date": late, "old_enrolment_end_date": SOME_END_DATE},
                exact=False,
            ),
        )
    earliest = earliest_end_with_bills_paid(ev.fact("payment_resumed_date"), months)
    return (
        Case(
            says("case.old_enrolment_end_date.on_or_after", day=earliest),
            {"old_enrolment_end_date": earliest},
            exact=False,
        ),
        Case(
            says("case.old_enrolment_end_date.before", day=earliest),
            {"old_enrolment_end_date": earliest - dt.timedelta(days=1)},
            exact=False,
        ),
    )


def resumed_date_cases(ev: Evaluation) -> tuple[Case, ...]:
    """An unknown date of the new payment: by the end of the months after the end date, or later."""
    deadline = add_months(ev.fact("old_enrolment_end_date"), ev.param("transfer.gap_bills_covered_months"))
    return (
        Case(says("case.payment_resumed_date.by", day=deadline), {"payment_resumed_date": deadline}, exact=False),
        Case(
            says("case.payment_resumed_date.after", day=deadline),
            {"payment_resumed_date": deadline + dt.timedelta(days=1)},
            exact=False,
        ),
    )


def check_gap_bills(facts: dict[str, Any]) -> None:
    end, resumed = facts.get("old_enrolment_end_date"), facts.get("payment_resumed_date")
    if end and resumed and resumed < end:
        raise InconsistentInputs("payment_resumed_before_end", "payment_resumed_date", resumed=resumed, end=end)


# --- The general statements: the rules for everyone, without a citizen's dates or city -----------------------


def decide_general(ev: Evaluation) -> Decision:
    """What moves, with or without a receiving employer, and the steps at both places."""
    months = individual_payment_window(ev)
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(
            what_moves(ev),
            says("transfer.general_with_employer"),
            says("transfer.pay_within_months.answer", months=months),
        ),
        steps=(cancel_at_old_place(ev), apply_at_new_place(ev, new_city=None)),
        notes=(schemes_convert(ev), benefits_from_next_month(ev), gap_bills_rule(ev), moves_with_relationship(ev)),
    )


def decide_gap_bills_general(ev: Evaluation) -> Decision:
    return ev.decision(outcome=GENERAL_OUTCOME, answer=gap_bills_rule(ev), notes=(benefits_from_next_month(ev),))


RULE = Rule(
    id="transfer",
    inputs=(HAS_RECEIVING_EMPLOYER, OLD_ENROLMENT_END, NEW_CITY),
    outcomes=("transfer_through_new_employer", "transfer_paying_as_individual"),
    decide=decide,
    find_out={"has_receiving_employer": not_in_sources("has_receiving_employer")},
    general=decide_general,
)
GAP_BILLS = Rule(
    id="transfer_gap_bills",
    inputs=(dataclasses.replace(OLD_ENROLMENT_END, optional=False), PAYMENT_RESUMED),
    outcomes=("gap_bills_paid", "gap_bills_not_paid"),
    decide=decide_gap_bills,
    check=check_gap_bills,
    unknown_cases={"old_enrolment_end_date": end_date_cases, "payment_resumed_date": resumed_date_cases},
    find_out={
        "old_enrolment_end_date": on_record("old_enrolment_end_date"),
        "payment_resumed_date": on_record("payment_resumed_date"),
    },
    general=decide_gap_bills_general,
)


# --- Sub-questions of a transfer the source answers in a sentence, for everyone -------------------------------


@unit(
    "transfer.years_combined_when_continuous",
    SOURCE,
    "paragraph_1",
    quote="If the payment period of the transferred basic medical insurance conforms to the continuity of the "
    "continuous insured period, the medical insurance payment period of the two places can be combined and "
    "calculated continuously",
)
def years_combined_when_continuous(ev: Evaluation) -> Statement:
    return says("transfer.years_combined")


def decide_years_combined(ev: Evaluation) -> Decision:
    """Years in two places add up; they count as continuous when the transferred period is continuous."""
    return ev.decision(
        outcome="years_add_up",
        answer=(says("yes"), what_moves(ev), years_combined_when_continuous(ev)),
        steps=(cancel_at_old_place(ev), apply_at_new_place(ev, new_city=None)),
    )


def decide_scheme_switch(ev: Evaluation) -> Decision:
    """Attention 2: on a transfer the three schemes convert freely."""
    return ev.decision(
        outcome="schemes_convert_freely",
        answer=(says("yes"), schemes_convert(ev)),
        notes=(what_moves(ev), benefits_from_next_month(ev)),
    )


YEARS_COMBINED = Rule(
    id="contribution_years_combined", inputs=(), outcomes=("years_add_up",), decide=decide_years_combined
)
SCHEME_SWITCH = Rule(
    id="switch_scheme_on_transfer", inputs=(), outcomes=("schemes_convert_freely",), decide=decide_scheme_switch
)
