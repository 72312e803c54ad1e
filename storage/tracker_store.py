"""Rasa's SQL tracker store on the database that DATABASE_URL chooses (see storage.database)."""

from __future__ import annotations

from typing import Any

from rasa.core.tracker_store import SQLTrackerStore

from storage.database import database_url


class DatabaseTrackerStore(SQLTrackerStore):
    """Conversations in SQLite by default, in PostgreSQL when DATABASE_URL says so.

    endpoints.yml names this class instead of `type: SQL` because Rasa's own
    configuration has no default for an unset variable.
    """

    def __init__(self, domain: Any = None, event_broker: Any = None, **kwargs: Any) -> None:
        kwargs.pop("host", None)  # the endpoint's url: the database URL comes from the environment
        # SQLTrackerStore uses a host that contains "://" as the full database URL.
        url = database_url().render_as_string(hide_password=False)
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
