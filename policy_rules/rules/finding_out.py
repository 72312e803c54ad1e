"""How a citizen can find out a fact they do not know, for the rules that answer per case.

Sources: "How to operate the medical insurance online?" (document 002), steps 2
and 3, and the Shenzhen clean-up article (document 000).

Readings chosen where the text is open:
- Step 2 lets the insured "inquire about my insurance information and social
  security payment" online: the facts that are on the insurance record (which
  enrolments exist, who pays, when an enrolment ended, when payments stopped,
  were paid back or started again, how many years were paid) are looked up
  there.
- No source says where to check the other facts (a future employer, one's
  own situation, the statutory retirement age): the answer says so and points
  to 12333 (step 3) and the local bureau, never to an invented channel.
- Article 000 says the Shenzhen centre calls or notifies the insured with a
  repeated enrolment; it is told with the record for the kinds of enrolment.
"""

from __future__ import annotations

from policy_rules.engine import Evaluation, FindOut, Statement, says, unit

ONLINE = "online_handling_and_interruption"


@unit(
    "find_out.insurance_record",
    ONLINE,
    "steps",
    quote="to inquire about my insurance information and social security payment",
)
def insurance_record(ev: Evaluation) -> Statement:
    return says("find_out.insurance_record")


@unit(
    "find_out.hotline",
    ONLINE,
    "step_3",
    quote="Call 12333 for social security questions, and you can get the most authoritative answer",
)
def hotline(ev: Evaluation) -> Statement:
    return says("find_out.hotline")


@unit(
    "find_out.centre_notifies_repeated_enrolment",
    "duplicate_cleanup",
    "paragraph_4",
    quote="the Municipal Medical Insurance Center will recently call or send information notifications to the "
    "insured participants",
)
def centre_notifies(ev: Evaluation) -> Statement:
    return says("find_out.centre_notifies")


def on_record(fact: str) -> FindOut:
    """The fact is on the citizen's insurance record (step 2): where and what to look for."""

    def find(ev: Evaluation) -> Statement:
        insurance_record(ev)
        return says(f"find_out.{fact}")

    return find


def not_in_sources(fact: str) -> FindOut:
    """No source says where to check the fact: say so, and point to 12333 (step 3)."""

    def find(ev: Evaluation) -> Statement:
        hotline(ev)
        return says(f"find_out.{fact}")

    return find


def enrolments(ev: Evaluation) -> Statement:
    """The kinds of enrolment: on the record (step 2); in Shenzhen the centre also notifies (000)."""
    insurance_record(ev)
    centre_notifies(ev)
    return says("find_out.enrolment_pair")
