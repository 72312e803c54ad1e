"""Today's date for the dialogue; ASSISTANT_TODAY=YYYY-MM-DD fixes it (tests, demonstrations)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("ASSISTANT_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
