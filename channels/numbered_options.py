"""Buttons for text-only channels: listed as numbered options, answered with the number."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from text_catalogue import DEFAULT_LANGUAGE, say


def reply_text(messages: Iterable[dict[str, Any]], language: str = DEFAULT_LANGUAGE) -> str:
    """The bot messages of one turn as one text; buttons numbered across the whole turn."""
    parts, number = [], 0
    for message in messages:
        if message.get("text"):
            parts.append(message["text"])
        buttons = message.get("buttons") or []
        if buttons:
            lines = [say(language, "channel.numbered_options_header")]
            for button in buttons:
                number += 1
                lines.append(f"{number}. {button.get('title', '')}")
            parts.append("\n".join(lines))
    return "\n\n".join(parts)


def option_number(text: str) -> int | None:
    """The number of a reply that is only a number ("2", "２", " 2. "), or None."""
    typed = unicodedata.normalize("NFKC", text or "").strip().rstrip(".)、。")
    return int(typed) if re.fullmatch(r"\d{1,2}", typed) else None


def chosen_payload(number: int, buttons: list[dict[str, Any]]) -> str | None:
    """The payload of option `number` (counted from 1), or None when there is no such option."""
    return buttons[number - 1].get("payload") if 1 <= number <= len(buttons) else None


def buttons_of_last_turn(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The buttons the bot sent since the citizen's last message, in order (tracker events as dicts)."""
    turn: list[dict[str, Any]] = []
    for event in reversed(list(events)):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot":
            turn[:0] = (event.get("data") or {}).get("buttons") or []
    return turn
