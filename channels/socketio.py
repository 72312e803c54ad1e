"""Rasa's Socket.IO channel (the web page's widget) with session ids the server issues.

- On "session_request" the client may present the id it kept from an earlier visit; it
  is kept only when the server signed it (HMAC with SESSION_SECRET, or a secret made once
  in var/session_secret), else a new random one is issued. A client can keep its id, not
  choose one, and cannot guess another citizen's.
- Messages go to the conversation "socketio:" + the id confirmed for that socket; an id
  in the message itself is ignored.
- Text goes through the checks of channels.guard (length, typed payloads, masking), and a
  fault while handling a turn, or a turn that ends without a reply, is answered with an
  apology instead of silence.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeGuard

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from channels.guard import conversation_id, ended_in_silence, fixed_reply, language_of, prepared
from storage.tracker_store import failed as tracker_store_failed
from text_catalogue import say

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
SECRET_FILE = ROOT / "var" / "session_secret"
SIGNATURE_CHARS = 32


def session_secret() -> bytes:
    """SESSION_SECRET, or a random secret kept in var/session_secret (readable by the owner only)."""
    configured = os.environ.get("SESSION_SECRET", "").strip()
    if configured:
        return configured.encode()
    if not SECRET_FILE.exists():
        SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(SECRET_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
    return SECRET_FILE.read_text().strip().encode()


def signed(random_part: str, secret: bytes) -> str:
    mac = hmac.new(secret, random_part.encode(), hashlib.sha256).hexdigest()[:SIGNATURE_CHARS]
    return f"{random_part}.{mac}"


def new_session_id(secret: bytes) -> str:
    return signed(secrets.token_hex(16), secret)


def is_issued(session_id: Any, secret: bytes) -> TypeGuard[str]:
    if not isinstance(session_id, str) or session_id.count(".") != 1 or len(session_id) > 100:
        return False
    return hmac.compare_digest(signed(session_id.split(".")[0], secret), session_id)


class CountingSocketIOOutput(SocketIOOutput):
    """Socket.IO output that counts what it sends, so that a turn ending in silence can be told."""

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)


class IssuedSessionSocketIO(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        secret = session_secret()
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        sessions: dict[str, str] = {}  # socket id -> the session id the server confirmed for it
        server: dict[str, Any] = {}  # the Sanic app, for the agent's tracker store

        @webhook.listener("after_server_start")
        async def remember_app(app: Any, _: Any) -> None:
            server["app"] = app

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            sessions.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            kept = data.get("session_id") if isinstance(data, dict) else None
            session_id = kept if is_issued(kept, secret) else new_session_id(secret)
            sessions[sid] = session_id
            # Replies are sent to the room named after the conversation (SocketIOOutput's recipient).
            sio.enter_room(sid, conversation_id(self.name(), session_id))
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            session_id = sessions.get(sid)
            if session_id is None or not isinstance(data, dict):
                return  # no session confirmed for this socket: nothing to answer to
            conversation = conversation_id(self.name(), session_id)
            output = CountingSocketIOOutput(sio, self.bot_message_evt)
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            text = data.get("message")
            if not isinstance(text, str):
                return
            language = language_of(text, {"language": metadata.get("default_language")})
            refusal = fixed_reply(text, language)
            if refusal is None:
                text = await prepared(
                    text, conversation, getattr(getattr(server.get("app"), "ctx", None), "agent", None)
                )
                refusal = fixed_reply(text, language)
            if refusal is not None:
                await output.send_text_message(conversation, refusal)
                return
            try:
                await on_new_message(
                    UserMessage(text, output, conversation, input_channel=self.name(), metadata=metadata)
                )
            except Exception:
                logger.exception("handling a Socket.IO message failed")
                await output.send_text_message(conversation, say(language, "channel.fault_apology"))
                return
            if tracker_store_failed(conversation) or ended_in_silence(output.sent, self.name()):
                await output.send_text_message(conversation, say(language, "channel.fault_apology"))

        return webhook
