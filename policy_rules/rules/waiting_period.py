"""When pooled-fund benefits return after contributions were interrupted.

Source: "How to operate the medical insurance online?", medical insurance
provisions 1 to 5 (document 002).

Readings chosen where the text is open:
- The gap is the number of days from the day benefits were suspended (the
  interruption) to the day the arrears were paid, counted as a plain
  difference of dates: interrupted on 1 March and paid on 30 April is 60 days.
  "within 60 days (including 60 days)" therefore means gap <= 60, and
  "more than 60 days to 180 days (including 180 days)" means 61..180.
- "from the next month" means the month after the payment month, and
  "three months after the payment month" / "after 6 months from the payment
  month" mean: paid in month M, benefits from month M+3 / M+6. So a payment
  on 10 March 2025 after 100 days gives benefits from June 2025.
- The question is "when did you pay (or when will you pay)", so a payment
  date after the date of the question (`as_of`) is a planned payment, not an
  error: the answer is phrased "if you pay in …, the pooled fund pays from …"
  (fact `payment_planned`). Without `as_of` the payment is read as made.
- Provision 5 ("if the payment is not made after the interruption") applies
  whatever the length of the gap, so the gap is not asked then.
- Not sure whether the arrears were paid: the answer is given for both. Not
  sure how long the gap was: the answer is given for each window of
  provisions 2 to 4 (up to 60 days, 61 to 180 days, over 180 days). Both are
  on the insurance record (document 002, step 2).
- A gap given in days that does not match the interruption and payment dates
  (a rough "about 3 months" beside exact dates) is decided from the dates
  when both give the same window; only when the windows differ is the
  citizen asked which is right.
- A payment month without a day ("paid in March 2025") is read as the last
  day of the month (the longest gap); an interruption month as its first
  day. Within a month the window rarely changes; when it does, the exact day
  is asked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from policy_rules.calendar import add_months, month_start
from policy_rules.engine import GENERAL_OUTCOME, Case, Decision, Evaluation, Rule, Statement, says, unit
from policy_rules.errors import InconsistentInputs
from policy_rules.inputs import LAST_DAY, InputSpec
from policy_rules.rules.finding_out import on_record

SOURCE = "online_handling_and_interruption"

INPUTS = (
    InputSpec("back_paid", "bool"),
    InputSpec("gap_days", "days", maximum=36500),
    InputSpec("payment_date", "date", optional=True, month_reading=LAST_DAY),
    InputSpec("interruption_date", "date", asked=False),
)


@unit(
    "waiting_period.suspension",
    SOURCE,
    "provision_1",
    quote="he will stop enjoying the medical insurance benefits from the month when he has never paid it in full "
    "and on time",
)
def suspension(ev: Evaluation) -> Statement:
    return says("waiting_period.suspension")


@unit(
    "waiting_period.gap_from_dates",
    SOURCE,
    "provision_2",
    quote="the insured to suspend the enjoyment of medical insurance benefits within 60 days (including 60 days) "
    "to pay medical insurance premiums",
)
def gap_from_dates(ev: Evaluation, interruption_date: dt.date, payment_date: dt.date) -> int:
    return (payment_date - interruption_date).days


@unit(
    "waiting_period.delay_after_back_payment",
    SOURCE,
    "provision_3",
    quote="If the medical insurance benefits are suspended for more than 60 days to 180 days (including 180 days) "
    "to pay back the medical insurance, the benefits paid by the overall fund can only be enjoyed three "
    "months after the payment month",
)
def delay_after_back_payment(ev: Evaluation, gap_days: int) -> tuple[str, int]:
    """The window the gap falls in, and the months after the payment month until the pooled fund pays again."""
    if gap_days <= ev.param("waiting_period.next_month_max_days"):
        return "benefits_from_next_month", ev.param("waiting_period.short_gap_delay_months")
    if gap_days <= ev.param("waiting_period.three_month_max_days"):
        return "benefits_after_three_months", ev.param("waiting_period.medium_gap_delay_months")
    return "benefits_after_six_months", ev.param("waiting_period.long_gap_delay_months")


@unit(
    "waiting_period.first_benefit_month",
    SOURCE,
    "provision_4",
    quote="the benefits paid by the overall fund can only be enjoyed after 6 months from the payment month",
)
def first_benefit_month(ev: Evaluation, payment_date: dt.date, delay_months: int) -> dt.date:
    """Paid in month M with a delay of N months: benefits from the first day of month M+N."""
    return add_months(month_start(payment_date), delay_months)


@unit(
    "waiting_period.back_payment_terms",
    SOURCE,
    "provision_1",
    quote="it must be based on the average salary of local employees in the previous year at the time of payment, "
    "and all the arrears during the interruption must be filled",
)
def back_payment_terms(ev: Evaluation) -> Statement:
    return says("waiting_period.back_payment_terms")


@unit(
    "waiting_period.overdue_time_counts",
    SOURCE,
    "provision_1",
    quote="Overdue time is included in the continuous payment time, but you can't enjoy the treatment of pooling "
    "funds during the overdue period",
)
def overdue_time_counts(ev: Evaluation) -> Statement:
    return says("waiting_period.overdue_time_counts")


@unit(
    "waiting_period.not_back_paid",
    SOURCE,
    "provision_5",
    quote="If the payment is not made after the interruption, it will be regarded as re-participation in medical "
    "insurance, and the payment time before the interruption will not be included in the continuous "
    "payment time",
)
def not_back_paid(ev: Evaluation) -> Statement:
    return says("waiting_period.not_back_paid")


def decide(ev: Evaluation) -> Decision:
    suspended = suspension(ev)
    payment_date = ev.given("payment_date")  # a payment date says the arrears were (or will be) paid
    if payment_date is None and not ev.fact("back_paid"):
        return ev.decision(
            outcome="treated_as_new_enrolment",
            answer=not_back_paid(ev),
            steps=(says("waiting_period.pay_to_keep_time"),),
            notes=(suspended,),
        )

    interruption_date = ev.given("interruption_date")
    if interruption_date and payment_date:
        gap_days = gap_from_dates(ev, interruption_date=interruption_date, payment_date=payment_date)
    else:
        gap_days = ev.fact("gap_days")
    outcome, delay = delay_after_back_payment(ev, gap_days=gap_days)
    if payment_date is None:
        payment_date = ev.optional_fact("payment_date")

    answer = [
        says(
            f"waiting_period.{outcome}",
            gap_days=gap_days,
            delay=delay,
            short=ev.param("waiting_period.next_month_max_days"),
            medium=ev.param("waiting_period.three_month_max_days"),
        )
    ]
    facts: dict[str, Any] = {"gap_days": gap_days, "delay_months": delay}
    planned = False
    if payment_date is None:
        answer.append(says("waiting_period.tell_payment_date"))
    else:
        first_month = first_benefit_month(ev, payment_date=payment_date, delay_months=delay)
        facts.update(payment_month=payment_date.strftime("%Y-%m"), first_benefit_month=first_month.strftime("%Y-%m"))
        planned = ev.as_of is not None and payment_date > ev.as_of
        if planned:
            facts["payment_planned"] = True
            answer.append(says("waiting_period.if_you_pay_in", payment_date=payment_date, first_day=first_month))
        else:
            answer.append(says("waiting_period.covered_again_from", payment_date=payment_date, first_day=first_month))
        if ev.as_of and not planned:
            facts["benefits_started"] = ev.as_of >= first_month
            started = "waiting_period.benefits_restarted" if facts["benefits_started"] else "waiting_period.not_yet"
            answer.append(says(started, as_of=ev.as_of))
    still_to_pay = payment_date is None or planned  # once the arrears are paid, paying them is no next step
    return ev.decision(
        outcome=outcome,
        answer=answer,
        steps=(back_payment_terms(ev),) if still_to_pay else (),
        notes=(overdue_time_counts(ev), suspended),
        facts=facts,
    )


def gap_cases(ev: Evaluation) -> tuple[Case, ...]:
    """An unknown gap: one case per window of provisions 2 to 4 (each case's value stands for its window)."""
    short, medium = ev.param("waiting_period.next_month_max_days"), ev.param("waiting_period.three_month_max_days")
    return (
        Case(says("case.gap_days.up_to", days=short), {"gap_days": short}, exact=False),
        Case(says("case.gap_days.between", low=short + 1, high=medium), {"gap_days": medium}, exact=False),
        Case(says("case.gap_days.over", days=medium), {"gap_days": medium + 1}, exact=False),
    )


def check(facts: dict[str, Any]) -> None:
    interruption, payment = facts.get("interruption_date"), facts.get("payment_date")
    if interruption and payment:
        if payment < interruption:
            raise InconsistentInputs(
                "payment_before_interruption", "payment_date", payment=payment, interruption=interruption
            )
        given_gap = facts.get("gap_days")
        if given_gap is not None and given_gap != (payment - interruption).days:
            raise InconsistentInputs(
                "gap_does_not_match_dates",
                "gap_days",
                interruption=interruption,
                payment=payment,
                days=(payment - interruption).days,
                given=given_gap,
                readings=({"gap_days": None}, {"interruption_date": None}),  # the dates first: they are exact
            )
    if facts.get("back_paid") is False and payment:
        raise InconsistentInputs("not_paid_but_payment_date", "back_paid")


OUTCOMES = (
    "treated_as_new_enrolment",
    "benefits_from_next_month",
    "benefits_after_three_months",
    "benefits_after_six_months",
)


# --- The general statement: the rule for everyone, without a citizen's dates ---------------------------------


def decide_general(ev: Evaluation) -> Decision:
    """Suspension, the three waiting windows (their numbers cite provisions 2 to 4) and what a back payment is."""
    suspended = suspension(ev)
    windows = says(
        "waiting_period.general",
        short=ev.param("waiting_period.next_month_max_days"),
        medium=ev.param("waiting_period.three_month_max_days"),
        medium_delay=ev.param("waiting_period.medium_gap_delay_months"),
        long_delay=ev.param("waiting_period.long_gap_delay_months"),
    )
    return ev.decision(
        outcome=GENERAL_OUTCOME,
        answer=(suspended, windows),
        steps=(back_payment_terms(ev),),
        notes=(overdue_time_counts(ev), not_back_paid(ev)),
    )


RULE = Rule(
    id="waiting_period",
    inputs=INPUTS,
    outcomes=OUTCOMES,
    decide=decide,
    check=check,
    unknown_cases={"gap_days": gap_cases},
    find_out={"back_paid": on_record("back_paid"), "gap_days": on_record("gap_days")},
    general=decide_general,
)


# --- "How is the back payment worked out?": provision 1 answers it in a sentence, for everyone -------------------


def decide_back_payment(ev: Evaluation) -> Decision:
    return ev.decision(
        outcome="back_payment_terms",
        answer=back_payment_terms(ev),
        notes=(overdue_time_counts(ev), not_back_paid(ev)),
    )


BACK_PAYMENT = Rule(id="back_payment_amount", inputs=(), outcomes=("back_payment_terms",), decide=decide_back_payment)
