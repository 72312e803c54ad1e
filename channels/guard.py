"""What every public channel checks before a citizen's message reaches a conversation.

- Conversation ids are namespaced by channel ("rest:" + sender, "wechat:" + OpenID), so
  that no channel can address another channel's conversations.
- A message is cleaned (lone surrogates and control characters cannot be stored in
  every database), and personal numbers are masked before the tracker store sees it.
- A message longer than MAX_MESSAGE_CHARS, or empty, gets a fixed reply and is not parsed.
- A turn that ends without a reply (an action failed) is answered with an apology.
- A typed intent payload ("/restart", '/inform{"x": 1}') is a command only when it is one
  of the buttons the bot offered in its last turn (or harmless); otherwise the leading
  slashes are dropped and it is read as plain text.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeGuard

from channels.numbered_options import buttons_of_last_turn
from storage.personal_data import mask_personal_numbers
from text_catalogue import DEFAULT_LANGUAGE, LANGUAGES, say

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
# Payloads the channels and the web page send themselves (WeChat's subscribe event, the page's
# greeting and its language switch), by intent name: harmless whoever types them.
HARMLESS_INTENTS = frozenset({"greet", "switch_language"})
PAYLOAD_PREFIX = "/"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KEPT_CONTROLS = {"\n", "\t"}


def conversation_id(channel: str, sender: str) -> str:
    return f"{channel}:{sender}"


def ended_in_silence(replies: int, channel: str) -> bool:
    """Every turn of this assistant says something: a turn without a reply means an action failed (the action
    server is down or broke), and the citizen is owed an apology rather than silence."""
    if replies:
        return False
    logger.error("a %s turn ended without a reply; is the action server running?", channel)
    return True


def is_acceptable_sender(sender: Any) -> TypeGuard[str]:
    """A sender a client may name: a non-empty string of printable characters, not too long."""
    return (
        isinstance(sender, str)
        and 0 < len(sender) <= MAX_SENDER_CHARS
        and bool(sender.strip())
        and all(_is_printable(character) for character in sender)
    )


def _is_printable(character: str) -> bool:
    return not (unicodedata.category(character) in ("Cc", "Cs", "Cn") or character in "\u2028\u2029")


def cleaned(text: str) -> str:
    """The text without what no database stores reliably: lone surrogates become U+FFFD, control characters
    (NUL among them, which PostgreSQL refuses) are dropped, except newlines and tabs."""
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if category == "Cs":
            kept.append("\ufffd")
        elif category != "Cc" or character in _KEPT_CONTROLS:
            kept.append(character)
    return "".join(kept)


def language_of(text: str, metadata: dict[str, Any] | None = None, default: str = DEFAULT_LANGUAGE) -> str:
    """The language to answer a refused message in: the one the client names, else the one the text is in."""
    named = (metadata or {}).get("language")
    if named in LANGUAGES:
        return str(named)
    return "zh" if _HAN.search(text[:MAX_MESSAGE_CHARS]) else default


def fixed_reply(text: str, language: str) -> str | None:
    """The reply to a message that is not parsed at all (too long, empty), or None to parse it."""
    if len(text) > MAX_MESSAGE_CHARS:
        return say(language, "channel.message_too_long", limit=MAX_MESSAGE_CHARS)
    if not text.strip():
        return say(language, "channel.message_empty")
    return None


def offered_payloads(events: Iterable[dict[str, Any]]) -> set[str]:
    return {str(button.get("payload")) for button in buttons_of_last_turn(events) if button.get("payload")}


def as_typed(text: str, offered: set[str]) -> str:
    """The text as the conversation should read it: an offered payload stays a payload, any other leading
    slash is dropped so that Rasa reads the rest as words, not as an intent."""
    stripped = text.strip()
    if not stripped.startswith(PAYLOAD_PREFIX) or stripped in offered or intent_of(stripped) in HARMLESS_INTENTS:
        return text
    return stripped.lstrip(PAYLOAD_PREFIX).strip()


def intent_of(payload: str) -> str:
    """The intent a payload names: "/switch_language{...}" -> "switch_language"."""
    return re.split(r"[{@\s]", payload[len(PAYLOAD_PREFIX) :], maxsplit=1)[0]


def may_be_payload(text: str) -> bool:
    return text.strip().startswith(PAYLOAD_PREFIX)


async def events_of(agent: Any, conversation: str) -> list[dict[str, Any]]:
    """The stored events of a conversation as dicts (none when it is new or no store is configured)."""
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return []
    tracker = await store.retrieve(conversation)
    return [event.as_dict() for event in tracker.events] if tracker is not None else []


async def prepared(text: str, conversation: str, agent: Any) -> str:
    """The text a conversation receives: cleaned, typed payloads checked, personal numbers masked."""
    text = cleaned(text)
    if may_be_payload(text):
        text = as_typed(text, offered_payloads(await events_of(agent, conversation)))
    return mask_personal_numbers(text)
