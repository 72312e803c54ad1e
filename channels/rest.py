"""The REST channel, POST /webhooks/rest/webhook  {"sender": "...", "message": "...", "metadata": {...}}.

For a well-formed request it answers exactly like Rasa's RestInput (a JSON list of
{"recipient_id", "text", "buttons", ...}); the checks of channels.guard come first:
  - not a JSON object, no usable sender, a message that is not a string, metadata that
    is not an object, a body over MAX_BODY_BYTES: 400 (413 for the body), no conversation;
  - a message over MAX_MESSAGE_CHARS or an empty one: a fixed reply, nothing parsed;
  - the conversation is "rest:" + sender; the client's "input_channel" is ignored;
  - a fault while handling the turn, or a turn that ends in silence (an action failed):
    an apology with the hotline, and an error in the log.
The channel is public unless REST_TOKEN is set: then every request needs the header
"Authorization: Bearer <REST_TOKEN>" (else 401). Public, anyone who can reach the server
can start a conversation, but only with conversations of their own sender (README: Security).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.guard import conversation_id, ended_in_silence, fixed_reply, is_acceptable_sender, language_of, prepared
from storage.tracker_store import failed as tracker_store_failed
from text_catalogue import say

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024  # room for a 100 KB message, which gets the "please shorten" reply


Answer = tuple[int, Any]  # HTTP status, JSON body


def refused(reason: str, status: int = 400) -> Answer:
    return status, {"error": reason}


def authorised(header: str) -> bool:
    """True when REST_TOKEN is unset (a public channel) or the header carries it."""
    token = os.environ.get("REST_TOKEN", "").strip()
    return not token or hmac.compare_digest(header.encode(), f"Bearer {token}".encode())


class GuardedRestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = Blueprint("guarded_rest_webhook", __name__)

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not authorised(request.headers.get("Authorization", "")):
                return response.json({"error": "unauthorised"}, status=401)
            status, replies = await self.answer(request.body, getattr(request.app.ctx, "agent", None), on_new_message)
            return response.json(replies, status=status)

        return rest

    async def answer(
        self, raw: bytes | None, agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Answer:
        """The status and JSON body for one request body (agent: the Rasa agent, for the tracker store)."""
        if len(raw or b"") > MAX_BODY_BYTES:
            return refused("body_too_large", 413)
        try:
            body = json.loads(raw or b"")
        except (ValueError, UnicodeDecodeError, RecursionError):
            return refused("invalid_json")
        if not isinstance(body, dict):
            return refused("not_an_object")
        sender, text, metadata = body.get("sender"), body.get("message"), body.get("metadata")
        if isinstance(sender, int) and not isinstance(sender, bool):
            sender = str(sender)  # Rasa's channel took numbers too
        if not is_acceptable_sender(sender):
            return refused("invalid_sender")
        if not isinstance(text, str):
            return refused("invalid_message")
        if metadata is not None and not isinstance(metadata, dict):
            return refused("invalid_metadata")
        language = language_of(text, metadata)
        conversation = conversation_id(self.name(), sender)
        refusal = fixed_reply(text, language)
        if refusal is None:
            text = await prepared(text, conversation, agent)
            refusal = fixed_reply(text, language)  # nothing may be left once cleaned
        if refusal is not None:
            return 200, [{"recipient_id": sender, "text": refusal}]
        collector = CollectingOutputChannel()
        try:
            await on_new_message(
                UserMessage(text, collector, conversation, input_channel=self.name(), metadata=metadata)
            )
        except Exception:
            # The message text is not logged: it may hold what a citizen would not want kept.
            logger.exception("handling a REST message failed")
            return 200, [{"recipient_id": sender, "text": say(language, "channel.fault_apology")}]
        if tracker_store_failed(conversation):
            # The database could not keep the turn: Rasa carried on in memory, the citizen is told.
            return 200, [{"recipient_id": sender, "text": say(language, "channel.fault_apology")}]
        if ended_in_silence(len(collector.messages), self.name()):
            return 200, [{"recipient_id": sender, "text": say(language, "channel.fault_apology")}]
        return 200, [{**message, "recipient_id": sender} for message in collector.messages]
