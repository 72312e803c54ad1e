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
class Counts:
    answered: int
    unanswered: int

    @property
    def fallback_rate(self) -> float:
        total = self.answered + self.unanswered
        return self.unanswered / total if total else 0.0


@dataclass(frozen=True)
class Report(Counts):
    top_topics: list[tuple[str, int]]
    top_outcomes: list[tuple[str, int]]
    top_unanswered: list[tuple[str, int]]
    by_language: dict[str, Counts]  # "unknown" for entries written before languages were recorded


def normalised(text: str) -> str:
    """Group the same question typed with other case, spacing or final punctuation."""
    return re.sub(r"\s+", " ", text).strip().strip("?!.。？！").strip().lower()


def build_report(engine: sa.engine.Engine, since: dt.date | None = None, top: int = 10) -> Report:
    start = dt.datetime.combine(since, dt.time()) if since else dt.datetime.min
    with Session(engine) as session:
        answers = session.execute(
            sa.select(AnsweredQuestion.topic, AnsweredQuestion.outcome, AnsweredQuestion.language).where(
                AnsweredQuestion.at >= start
            )
        ).all()
        unanswered = session.execute(
            sa.select(UnansweredMessage.text, UnansweredMessage.language).where(UnansweredMessage.at >= start)
        ).all()
    answered_in = Counter(language or "unknown" for _, _, language in answers)
    unanswered_in = Counter(language or "unknown" for _, language in unanswered)
    return Report(
        answered=len(answers),
        unanswered=len(unanswered),
        top_topics=Counter(topic for topic, _, _ in answers).most_common(top),
        top_outcomes=Counter(f"{topic}: {outcome}" for topic, outcome, _ in answers).most_common(top),
        top_unanswered=Counter(normalised(text) for text, _ in unanswered).most_common(top),
        by_language={
            language: Counts(answered_in[language], unanswered_in[language])
            for language in sorted(answered_in | unanswered_in)
        },
    )


def report_text(report: Report, since: dt.date | None = None) -> str:
    lines = [
        f"Consultations{f' since {since.isoformat()}' if since else ''}: "
        f"{report.answered} answered, {report.unanswered} not understood or out of scope",
        f"Fallback rate: {report.fallback_rate:.1%}",
        "",
        "By language:",
        *(
            f"  {language:8s} {counts.answered:6d} answered, {counts.unanswered:6d} unanswered, "
            f"fallback rate {counts.fallback_rate:.1%}"
            for language, counts in report.by_language.items()
        ),
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
