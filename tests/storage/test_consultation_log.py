"""The consultation log and the staff report, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import policy_rules
from storage.consultation_log import AnsweredQuestion, ConsultationLog, consultation_log
from storage.database import create_engine
from storage.report import build_report, main, report_text

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(params=["sqlite", "postgresql"])
def log(request, tmp_path):
    """An empty log on each database kind."""
    url = f"sqlite:///{tmp_path / 'log.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    log = ConsultationLog(create_engine(make_url(url)))
    log.ensure_tables()
    yield log
    log.engine.dispose()


def waiting_period(gap_days: int):
    return policy_rules.evaluate(
        "waiting_period", {"back_paid": True, "gap_days": gap_days, "payment_date": "2026-03-10"}, as_of=AS_OF
    )


def test_report_counts_topics_outcomes_and_the_fallback_rate(log):
    for gap in (45, 100, 100):
        log.record_answer(waiting_period(gap), channel="rest")
    log.record_answer(policy_rules.evaluate("service_channels", {}, as_of=AS_OF), channel="wechat")
    log.record_unanswered("Can I buy a car with it?", "out_of_scope", channel="rest")
    log.record_unanswered("can i buy a car with it", "out_of_scope", channel="socketio")
    log.record_unanswered("my phone is 13812345678, call me", "nlu_fallback", channel="rest")

    report = build_report(log.engine, top=5)

    assert (report.answered, report.unanswered) == (4, 3)
    assert report.fallback_rate == pytest.approx(3 / 7)
    assert report.top_topics == [("waiting_period", 3), ("service_channels", 1)]
    assert report.top_outcomes[0] == (f"waiting_period: {waiting_period(100).outcome}", 2)
    assert report.top_unanswered[0] == ("can i buy a car with it", 2)
    assert ("my phone is [phone number], call me", 1) in report.top_unanswered
    text = report_text(report)
    assert "Fallback rate: 42.9%" in text and "13812345678" not in text


def test_report_counts_answers_and_fallbacks_per_language(log):
    log.record_answer(waiting_period(45), channel="rest", language="en")
    log.record_answer(waiting_period(100), channel="wechat", language="zh")
    log.record_answer(waiting_period(200), channel="wechat", language="zh")
    log.record_unanswered("今天天气怎么样", "out_of_scope", channel="wechat", language="zh")
    log.record_unanswered("old entry", "nlu_fallback")  # written before languages were recorded

    report = build_report(log.engine)

    assert {language: (c.answered, c.unanswered) for language, c in report.by_language.items()} == {
        "en": (1, 0),
        "zh": (2, 1),
        "unknown": (0, 1),
    }
    assert report.by_language["zh"].fallback_rate == pytest.approx(1 / 3)
    assert "zh            2 answered,      1 unanswered, fallback rate 33.3%" in report_text(report)


def test_a_log_written_before_languages_gets_the_column(tmp_path):
    url = make_url(f"sqlite:///{tmp_path / 'old.db'}")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "CREATE TABLE consultation_answers (id INTEGER PRIMARY KEY, at DATETIME NOT NULL, channel VARCHAR(40), "
                "topic VARCHAR(80) NOT NULL, outcome VARCHAR(80) NOT NULL, rules_fired TEXT NOT NULL, "
                "referred_to_bureau BOOLEAN NOT NULL)"
            )
        )
    log = ConsultationLog(engine)
    log.record_answer(waiting_period(45), language="zh")
    assert build_report(engine).by_language["zh"].answered == 1


def test_rules_fired_are_kept_in_firing_order(log):
    decision = waiting_period(100)
    log.record_answer(decision)
    with Session(log.engine) as session:
        row = session.execute(select(AnsweredQuestion)).scalar_one()
    assert row.rules_fired.split() == list(decision.rules_fired)
    assert row.outcome == decision.outcome and row.referred_to_bureau == decision.refer_to_bureau


def test_report_since_a_day_leaves_out_earlier_questions(log):
    log.record_answer(waiting_period(45))
    tomorrow = dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)
    assert build_report(log.engine, since=tomorrow).answered == 0
    assert build_report(log.engine, since=tomorrow - dt.timedelta(days=2)).answered == 1


def test_an_empty_log_reports_a_zero_rate(log):
    report = build_report(log.engine)
    assert report.fallback_rate == 0.0
    assert "the log is empty" in report_text(report)


def test_an_unreachable_database_does_not_stop_the_answer(caplog):
    log = ConsultationLog(create_engine(make_url("postgresql://nobody@127.0.0.1:9/nothing")))
    log.record_answer(waiting_period(45))
    assert "could not write to the consultation log" in caplog.text


def test_report_command_reads_the_database_url(capsys):
    consultation_log().record_unanswered("where is my refund 6222021234567894", "nlu_fallback", channel="rest")
    assert main(["--top", "3"]) == 0
    printed = capsys.readouterr().out
    assert "where is my refund [bank card number]" in printed and "Fallback rate:" in printed


def test_report_command_refuses_a_bad_date(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--since", "last week"])
    assert exit_info.value.code == 2
    assert "--since" in capsys.readouterr().err
