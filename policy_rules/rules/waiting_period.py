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
- Provision 5 ("if the payment is not made after the interruption") applies
  whatever the length of the gap, so the gap is not asked then.
"""

from __future__ import annotations

import datetime as dt

from policy_rules.calendar import add_months, date_label, month_label, month_start
from policy_rules.engine import Evaluation, Rule, unit
from policy_rules.errors import InconsistentInputs
from policy_rules.inputs import InputSpec

SOURCE = "online_handling_and_interruption"

INPUTS = (
    InputSpec("back_paid", "bool", "whether you have paid, or will pay, the missed contributions"),
    InputSpec("gap_days", "days", "how many days passed between the interruption and the back payment", maximum=36500),
    InputSpec("payment_date", "date", "the date you paid, or will pay, the arrears", optional=True),
    InputSpec("interruption_date", "date", "the date your contributions stopped", asked=False),
)


@unit("waiting_period.suspension", SOURCE, "Medical insurance provisions, item 1")
def suspension(ev: Evaluation) -> str:
    """Benefits stop from the month contributions are not paid in full and on time."""
    return (
        "Benefits are suspended from the month in which a contribution was not paid in full and on time."
    )


@unit("waiting_period.gap_from_dates", SOURCE, "Medical insurance provisions, items 2 to 4")
def gap_from_dates(ev: Evaluation, interruption_date: dt.date, payment_date: dt.date) -> int:
    """The gap is the number of days from the interruption to the back payment."""
    return (payment_date - interruption_date).days


@unit("waiting_period.delay_after_back_payment", SOURCE, "Medical insurance provisions, items 2 to 4")
def delay_after_back_payment(ev: Evaluation, gap_days: int) -> tuple[str, int]:
    """The window the gap falls in, and the months after the payment month until the pooled fund pays again."""
    if gap_days <= ev.param("waiting_period.next_month_max_days"):
        return "benefits_from_next_month", ev.param("waiting_period.short_gap_delay_months")
    if gap_days <= ev.param("waiting_period.three_month_max_days"):
        return "benefits_after_three_months", ev.param("waiting_period.medium_gap_delay_months")
    return "benefits_after_six_months", ev.param("waiting_period.long_gap_delay_months")


@unit("waiting_period.first_benefit_month", SOURCE, "Medical insurance provisions, items 2 to 4")
def first_benefit_month(ev: Evaluation, payment_date: dt.date, delay_months: int) -> dt.date:
    """Paid in month M with a delay of N months: benefits from the first day of month M+N."""
    return add_months(month_start(payment_date), delay_months)


@unit("waiting_period.back_payment_terms", SOURCE, "Medical insurance provisions, item 1")
def back_payment_terms(ev: Evaluation) -> tuple[str, str]:
    """Back payment covers all arrears at last year's average wage; overdue time counts but is not covered."""
    return (
        "Pay all the arrears of the interruption; they are calculated on the average salary of local employees "
        "in the previous year at the time you pay.",
        "The overdue time counts toward your continuous contribution time, but the pooled fund pays nothing "
        "for medical costs during the overdue period.",
    )


@unit("waiting_period.not_back_paid", SOURCE, "Medical insurance provisions, item 5")
def not_back_paid(ev: Evaluation) -> str:
    """Without back payment the person re-enrols and earlier time is no longer continuous."""
    return (
        "Without paying the arrears you are treated as joining the medical insurance again, and the time you "
        "paid before the interruption no longer counts as continuous contribution time."
    )


def _window_words(ev: Evaluation, outcome: str) -> str:
    short = ev.param("waiting_period.next_month_max_days")
    medium = ev.param("waiting_period.three_month_max_days")
    return {
        "benefits_from_next_month": f"within {short} days",
        "benefits_after_three_months": f"more than {short} and at most {medium} days",
        "benefits_after_six_months": f"more than {medium} days",
    }[outcome]


def decide(ev: Evaluation):
    suspended = suspension(ev)
    payment_date = ev.given("payment_date")  # a payment date says the arrears were (or will be) paid
    if payment_date is None and not ev.fact("back_paid"):
        return ev.decision(
            outcome="treated_as_new_enrolment",
            answer=not_back_paid(ev),
            steps=(
                "If you want to keep your earlier contribution time, pay all the arrears; how long you then wait "
                "depends on how long the interruption lasted.",
            ),
            notes=(suspended,),
        )

    interruption_date = ev.given("interruption_date")
    if interruption_date and payment_date:
        gap_days = gap_from_dates(ev, interruption_date=interruption_date, payment_date=payment_date)
    else:
        gap_days = ev.fact("gap_days")
    outcome, delay = delay_after_back_payment(ev, gap_days=gap_days)
    pay_terms, overdue_rule = back_payment_terms(ev)
    if payment_date is None:
        payment_date = ev.optional_fact("payment_date")

    when = "from the month after the payment month" if delay == 1 else f"from {delay} months after the payment month"
    answer = (f"When the arrears are paid after {gap_days} days without benefits ({_window_words(ev, outcome)}), "
              f"the pooled fund pays your medical costs again {when}.")
    facts: dict = {"gap_days": gap_days, "delay_months": delay}
    if payment_date is None:
        answer += " Tell me the payment date and I can give you the exact month."
    else:
        first_month = first_benefit_month(ev, payment_date=payment_date, delay_months=delay)
        facts.update(payment_month=payment_date.strftime("%Y-%m"), first_benefit_month=first_month.strftime("%Y-%m"))
        answer += (f" Paid in {month_label(payment_date)}: you are covered again from 1 {month_label(first_month)}.")
        if ev.as_of:
            facts["benefits_started"] = ev.as_of >= first_month
            answer += (f" As of {date_label(ev.as_of)} your benefits have restarted." if facts["benefits_started"]
                       else f" As of {date_label(ev.as_of)} that month has not begun yet.")
    return ev.decision(
        outcome=outcome,
        answer=answer,
        steps=(pay_terms,),
        notes=(overdue_rule, suspended),
        facts=facts,
    )


def check(facts: dict) -> None:
    interruption, payment = facts.get("interruption_date"), facts.get("payment_date")
    if interruption and payment:
        if payment < interruption:
            raise InconsistentInputs(
                f"The payment date ({date_label(payment)}) is before the interruption ({date_label(interruption)}); "
                "please check the two dates.",
                "payment_date",
            )
        given_gap = facts.get("gap_days")
        if given_gap is not None and given_gap != (payment - interruption).days:
            raise InconsistentInputs(
                f"From {date_label(interruption)} to {date_label(payment)} is {(payment - interruption).days} days, "
                f"not {given_gap}; which is right?",
                "gap_days",
            )
    if facts.get("back_paid") is False and payment:
        raise InconsistentInputs(
            "You said you have not paid the arrears but also gave a payment date; which is right?", "back_paid"
        )


RULE = Rule(
    id="waiting_period",
    title="When can I use my insurance again after an interruption?",
    inputs=INPUTS,
    decide=decide,
    check=check,
)
