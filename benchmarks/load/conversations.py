"""The conversations of tests/conversations as turns a simulated citizen sends (no Rasa, no locust: both venvs
import this)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONVERSATIONS = Path(__file__).resolve().parents[2] / "tests" / "conversations"


@dataclass(frozen=True)
class Turn:
    text: str  # what the citizen types, or the title of the button they click
    click: bool
    expect: tuple[str, ...] = ()  # texts our assistant's replies contain (the floor's are not checked)


@dataclass(frozen=True)
class Conversation:
    name: str
    language: str  # "zh" for the zh_*.yml files, else "en" (some switch language midway)
    turns: tuple[Turn, ...]


def load_conversations(folder: Path = CONVERSATIONS) -> list[Conversation]:
    conversations = []
    for path in sorted(folder.glob("*.yml")):
        language = "zh" if path.stem.startswith("zh_") else "en"
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            turns = tuple(
                Turn(turn.get("click", turn.get("user")), "click" in turn, tuple(turn.get("expect", [])))
                for turn in entry["turns"]
            )
            conversations.append(Conversation(entry["name"], language, turns))
    return conversations


def buttons_of(replies: list[dict]) -> list[dict]:
    return [button for reply in replies for button in reply.get("buttons", [])]


def missing_texts(turn: Turn, replies: list[dict]) -> list[str]:
    """The expected texts no reply contains (case-insensitive, button titles included)."""
    said = "\n".join([reply.get("text") or "" for reply in replies] + [b["title"] for b in buttons_of(replies)]).lower()
    return [text for text in turn.expect if text.lower() not in said]


def message_for(turn: Turn, buttons: list[dict]) -> str | None:
    """What to send for a turn: the typed text, or the payload of the button with that title among the previous
    reply's buttons (as tests/e2e/test_conversations.py clicks); None when no button has that title."""
    if not turn.click:
        return turn.text
    return next((button["payload"] for button in buttons if button["title"].lower() == turn.text.lower()), None)
