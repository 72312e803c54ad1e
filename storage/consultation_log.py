"""The consultation log: what citizens asked and whether the assistant could answer.

Per answered question: the topic (rule id), the outcome code and the rules
fired. Per message the assistant could not answer: the text, personal numbers
masked. No conversation id or name is kept: staff need the questions, not the people.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, declarative_base

from storage.database import create_engine, database_url
from storage.personal_data import mask_personal_data

logger = logging.getLogger(__name__)
Base: Any = declarative_base()  # SQLAlchemy 1.4's declarative base has no static type


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class AnsweredQuestion(Base):
    __tablename__ = "consultation_answers"

    id = sa.Column(sa.Integer, primary_key=True)
    at = sa.Column(sa.DateTime, nullable=False, default=now, index=True)  # UTC
    channel = sa.Column(sa.String(40))
    language = sa.Column(sa.String(8))  # the language of the conversation (en, zh)
    topic = sa.Column(sa.String(80), nullable=False)
    outcome = sa.Column(sa.String(80), nullable=False)
    rules_fired = sa.Column(sa.Text, nullable=False)  # rule ids, space-separated, in firing order
    referred_to_bureau = sa.Column(sa.Boolean, nullable=False)


class UnansweredMessage(Base):
    __tablename__ = "consultation_unanswered"

    id = sa.Column(sa.Integer, primary_key=True)
    at = sa.Column(sa.DateTime, nullable=False, default=now, index=True)  # UTC
    channel = sa.Column(sa.String(40))
    language = sa.Column(sa.String(8))
    reason = sa.Column(sa.String(40), nullable=False)  # the intent: nlu_fallback or out_of_scope
    text = sa.Column(sa.Text, nullable=False)  # masked


class ConsultationLog:
    def __init__(self, engine: sa.engine.Engine) -> None:
        self.engine = engine
        self.tables_ready = False

    def ensure_tables(self) -> None:
        if not self.tables_ready:
            Base.metadata.create_all(self.engine)
            self._add_language_columns()
            self.tables_ready = True

    def _add_language_columns(self) -> None:
        """Logs written before languages were recorded get the column (their rows stay without one)."""
        inspector = sa.inspect(self.engine)
        for table in (AnsweredQuestion.__table__, UnansweredMessage.__table__):
            if "language" not in {column["name"] for column in inspector.get_columns(table.name)}:
                with self.engine.begin() as connection:
                    connection.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN language VARCHAR(8)"))

    def record_answer(self, decision, channel: str | None = None, language: str | None = None) -> None:
        """decision: a policy_rules Decision."""
        self._add(
            AnsweredQuestion(
                channel=channel,
                language=language,
                topic=decision.rule_id,
                outcome=decision.outcome,
                rules_fired=" ".join(decision.rules_fired),
                referred_to_bureau=decision.refer_to_bureau,
            )
        )

    def record_unanswered(
        self, text: str, reason: str, channel: str | None = None, language: str | None = None
    ) -> None:
        self._add(
            UnansweredMessage(channel=channel, language=language, reason=reason, text=mask_personal_data(text or ""))
        )

    def _add(self, row: Base) -> None:
        # The citizen's answer matters more than the log: a database error is logged, not raised.
        try:
            self.ensure_tables()
            with Session(self.engine) as session, session.begin():
                session.add(row)
        except SQLAlchemyError:
            logger.exception("could not write to the consultation log")


@functools.lru_cache(maxsize=4)
def _log_for(database_setting: str) -> ConsultationLog:  # the setting is the cache key only
    return ConsultationLog(create_engine(database_url()))


def consultation_log() -> ConsultationLog:
    """The log on the database DATABASE_URL chooses (one per process and setting, made on first use)."""
    return _log_for(os.environ.get("DATABASE_URL", ""))
