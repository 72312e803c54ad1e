"""Rasa's SQL tracker store on the database that DATABASE_URL chooses (see storage.database)."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from storage.database import create_engine, database_url

logger = logging.getLogger(__name__)

# Conversations whose last read or write failed. Rasa wraps every tracker store in a
# FailSafeTrackerStore that carries on in memory after an error; the channels look here
# so that the citizen is told instead (channels.guard.store_failed).
FAILED_CONVERSATIONS: set[str] = set()


class DatabaseTrackerStore(SQLTrackerStore):
    """Conversations in SQLite by default, in PostgreSQL when DATABASE_URL says so.

    endpoints.yml names this class instead of `type: SQL` because Rasa's own
    configuration has no default for an unset variable.
    """

    def __init__(self, domain: Any = None, event_broker: Any = None, **kwargs: Any) -> None:
        kwargs.pop("host", None)  # the endpoint's url: the database URL comes from the environment
        url = database_url()
        # SQLTrackerStore uses a host that contains "://" as the full database URL.
        super().__init__(
            domain=domain, host=url.render_as_string(hide_password=False), event_broker=event_broker, **kwargs
        )
        if url.get_backend_name() == "sqlite":  # Rasa's engine closes the file after every save (NullPool)
            self.engine = create_engine(url, future=False)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            await super().save(tracker)
        except Exception:
            FAILED_CONVERSATIONS.add(tracker.sender_id)
            logger.exception("could not save a conversation to the database")
            raise

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        try:
            return await super().retrieve(sender_id)
        except Exception:
            FAILED_CONVERSATIONS.add(sender_id)
            logger.exception("could not read a conversation from the database")
            raise


def failed(conversation: str) -> bool:
    """Whether reading or writing the conversation failed since the last call (and forget it)."""
    if conversation in FAILED_CONVERSATIONS:
        FAILED_CONVERSATIONS.discard(conversation)
        return True
    return False
