"""Staff report on the consultation log: top topics, fallback rate, common unanswered questions.

    python -m storage.report [--since 2026-11-01] [--top 10]     (or: make report)

The fallback rate is the share of consultation messages the assistant could not
answer: unanswered / (answered questions + unanswered).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.consultation_log import AnsweredQuestion, UnansweredMessage, consultation_log
from storage.database import database_url


@dataclass(frozen=True)
class Report:
    answered: int
    unanswered: int
    top_topics: list[tuple[str, int]]
    top_outcomes: list[tuple[str, int]]
    top_unanswered: list[tuple[str, int]]

    @property
    def fallback_rate(self) -> float:
        total = self.answered + self.unanswered
        return self.unanswered / total if total else 0.0


def normalised(text: str) -> str:
    """Group the same question typed with other case, spacing or final punctuation."""
    return re.sub(r"\s+", " ", text).strip().strip("?!.。？！").strip().lower()


def build_report(engine: sa.engine.Engine, since: dt.date | None = None, top: int = 10) -> Report:
    start = dt.datetime.combine(since, dt.time()) if since else dt.datetime.min
    with Session(engine) as session:
        answers = session.execute(
            sa.select(AnsweredQuestion.topic, AnsweredQuestion.outcome).where(AnsweredQuestion.at >= start)
        ).all()
        unanswered = session.execute(sa.select(UnansweredMessage.text).where(UnansweredMessage.at >= start)).scalars().all()
    return Report(
        answered=len(answers),
        unanswered=len(unanswered),
        top_topics=Counter(topic for topic, _ in answers).most_common(top),
        top_outcomes=Counter(f"{topic}: {outcome}" for topic, outcome in answers).most_common(top),
        top_unanswered=Counter(normalised(text) for text in unanswered).most_common(top),
    )


def report_text(report: Report, since: dt.date | None = None) -> str:
    lines = [
        f"Consultations{f' since {since.isoformat()}' if since else ''}: "
        f"{report.answered} answered, {report.unanswered} not understood or out of scope",
        f"Fallback rate: {report.fallback_rate:.1%}",
        "",
        "Top topics:",
        *(f"  {count:6d}  {topic}" for topic, count in report.top_topics),
        "",
        "Top outcomes:",
        *(f"  {count:6d}  {outcome}" for outcome, count in report.top_outcomes),
        "",
        "Most common unanswered questions (personal numbers masked):",
        *(f"  {count:6d}  {text}" for text, count in report.top_unanswered),
    ]
    if not report.answered + report.unanswered:
        lines.append("  (the log is empty for this period)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storage.report", description=__doc__.splitlines()[0])
    parser.add_argument("--since", type=dt.date.fromisoformat, help="first day to count, YYYY-MM-DD (UTC)")
    parser.add_argument("--top", type=int, default=10, help="how many topics and questions to list (default 10)")
    args = parser.parse_args(argv)
    if args.top < 1:
        parser.error("--top must be at least 1")
    print(f"Database: {database_url()!r}")
    log = consultation_log()
    log.ensure_tables()
    print(report_text(build_report(log.engine, args.since, args.top), args.since))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
