"""The actions' own wording (actions/wording.yml): the forms' questions and guiding messages."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk.executor import CollectingDispatcher

WORDING_FILE = Path(__file__).with_name("wording.yml")


@functools.lru_cache(maxsize=1)
def wording() -> dict[str, dict[str, Any]]:
    with WORDING_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(dispatcher: CollectingDispatcher, message: str, **values: str) -> None:
    """Send one of the guiding messages, with its buttons."""
    entry = wording()["messages"][message]
    dispatcher.utter_message(text=entry["text"].format(**values), buttons=entry.get("buttons", []))
