"""WeChat Official Account channel (公众号 server configuration), built on wechatpy.

WeChat calls the server URL  https://<host>/webhooks/wechat/ :
  GET  with signature, timestamp, nonce, echostr: URL verification, answered with echostr.
  POST a message (plain, or encrypted in safe mode with encrypt_type=aes): answered with a
       passive XML reply. WeChat waits 5 seconds and retries twice; a reply not ready within
       `reply_timeout_seconds` is answered "success" at once and sent later through the
       customer-service message API, and retried deliveries (same MsgId) never start a
       second turn of the conversation.
Anything without a valid signature gets 403 and reaches no conversation; so does a request
whose timestamp is more than 5 minutes off, or whose nonce was already used for another body
(nonces and deliveries are remembered in Redis when REDIS_URL is set, so this holds across
processes). A malformed MsgId or OpenID, or a body over MAX_BODY_BYTES, is a 400 (413).
Safe mode (encrypt_type=aes) is the production setting: its msg_signature covers the body,
whereas the plain-mode signature covers only the timestamp and nonce.
Text reaches the conversation "wechat:" + OpenID through the checks of channels.guard.

Settings come from credentials.yml or, when absent there, from the environment:
WECHAT_TOKEN (enables the channel), WECHAT_APP_ID, WECHAT_APP_SECRET (customer-service API),
WECHAT_ENCODING_AES_KEY (safe mode), WECHAT_API_BASE_URL, WECHAT_REPLY_TIMEOUT_SECONDS.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from wechatpy import WeChatClient, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException, WeChatClientException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

from channels.guard import (
    MAX_SENDER_CHARS,
    conversation_id,
    ended_in_silence,
    events_of,
    fixed_reply,
    is_acceptable_sender,
    prepared,
)
from channels.numbered_options import buttons_of_last_turn, chosen_payload, option_number, reply_text
from channels.once_only import OnceOnly
from channels.settings import setting
from channels.waiting_pages import WaitingPages
from channels.wechat_pages import asks_for_more, language_of_reply, pages
from storage.tracker_store import failed as tracker_store_failed
from text_catalogue import say

logger = logging.getLogger(__name__)

DEFAULT_REPLY_TIMEOUT_SECONDS = 4.0  # WeChat gives up after 5 s; leave time for the network
REMEMBERED_DELIVERIES = 10_000
MAX_REQUEST_AGE_SECONDS = 300  # older (or later) timestamps are refused: replays
DELIVERY_WINDOW_SECONDS = 3600  # WeChat retries within seconds; an hour is ample
MAX_BODY_BYTES = 64 * 1024
MSG_ID = re.compile(r"^\d{1,20}$")
SETTINGS = {  # credentials.yml key: environment variable used when the key is absent
    "token": "WECHAT_TOKEN",
    "app_id": "WECHAT_APP_ID",
    "app_secret": "WECHAT_APP_SECRET",
    "encoding_aes_key": "WECHAT_ENCODING_AES_KEY",
    "api_base_url": "WECHAT_API_BASE_URL",
    "reply_timeout_seconds": "WECHAT_REPLY_TIMEOUT_SECONDS",
}
GREETING_PAYLOAD = "/greet"
WECHAT_LANGUAGE = "zh"  # conversations on the Official Account start in Chinese


class CustomerServiceClient(WeChatClient):
    """wechatpy's client with its access-token address under the configurable API base URL."""

    def __init__(self, app_id: str, app_secret: str, api_base_url: str) -> None:
        super().__init__(app_id, app_secret, timeout=10)
        self.API_BASE_URL = api_base_url.rstrip("/") + "/"

    def fetch_access_token(self) -> dict:
        return self._fetch_access_token(
            url=self.API_BASE_URL + "token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


@dataclass
class Delivery:
    """One message from WeChat, kept so that its retries are recognised."""

    task: asyncio.Task
    reply: str | None = None
    late: bool = False  # the reply goes through the customer-service API


@dataclass(eq=False)
class WeChatInput(InputChannel):
    token: str | None
    app_id: str | None = None
    app_secret: str | None = None
    encoding_aes_key: str | None = None
    api_base_url: str = WeChatClient.API_BASE_URL
    reply_timeout_seconds: float = DEFAULT_REPLY_TIMEOUT_SECONDS
    deliveries: OrderedDict = field(default_factory=OrderedDict, repr=False)
    waiting_pages: WaitingPages = field(default_factory=WaitingPages.from_environment, repr=False)
    background: set = field(default_factory=set, repr=False)
    once: OnceOnly = field(default_factory=OnceOnly.from_environment, repr=False)

    @classmethod
    def name(cls) -> str:
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WeChatInput:
        settings = {key: setting(credentials, key, variable) for key, variable in SETTINGS.items()}
        return cls(
            token=settings["token"],
            app_id=settings["app_id"],
            app_secret=settings["app_secret"],
            encoding_aes_key=settings["encoding_aes_key"],
            api_base_url=settings["api_base_url"] or WeChatClient.API_BASE_URL,
            reply_timeout_seconds=float(settings["reply_timeout_seconds"] or DEFAULT_REPLY_TIMEOUT_SECONDS),
        )

    def __post_init__(self) -> None:
        self.crypto = WeChatCrypto(self.token, self.encoding_aes_key, self.app_id) if self.encoding_aes_key else None
        self.customer_service = (
            CustomerServiceClient(self.app_id, self.app_secret, self.api_base_url)
            if self.app_id and self.app_secret
            else None
        )
        if not self.token:
            logger.info("WeChat channel disabled: set WECHAT_TOKEN to enable it")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        wechat = Blueprint("wechat_webhook", __name__)

        @wechat.route("/", methods=["GET"])
        async def verify_url(request: Request) -> HTTPResponse:
            refusal = self.refusal(request) or await self.replay_refusal(request)
            return refusal or response.text(request.args.get("echostr", ""))

        @wechat.route("/", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.text("too_large", status=413)
            refusal = self.refusal(request) or await self.replay_refusal(request)
            if refusal:
                return refusal
            encrypted = request.args.get("encrypt_type") == "aes"
            try:
                xml = self.decrypted(request) if encrypted else request.body.decode("utf-8")
                message = parse_message(xml)
            except (InvalidSignatureException, InvalidAppIdException):
                return response.text("invalid message signature", status=403)
            except Exception:
                logger.warning("unreadable WeChat message", exc_info=True)
                return response.text("unreadable message", status=400)
            if message is None or not well_formed(message):
                return response.text("unreadable message", status=400)
            reply = await self.reply_to(message, request, on_new_message)
            if not reply:
                return response.text("success")
            xml = TextReply(content=reply, message=message).render()
            if encrypted and self.crypto is not None:  # refusal() let no encrypted message through without it
                xml = self.crypto.encrypt_message(xml, request.args.get("nonce", ""), request.args.get("timestamp"))
            return response.text(xml, content_type="application/xml")

        return wechat

    def refusal(self, request: Request) -> HTTPResponse | None:
        """Why a request may not reach a conversation, as a response; None when it may."""
        if not self.token:
            return response.text("the WeChat channel is not configured (WECHAT_TOKEN)", status=503)
        try:
            check_signature(
                self.token,
                request.args.get("signature", ""),
                request.args.get("timestamp", ""),
                request.args.get("nonce", ""),
            )
        except InvalidSignatureException:
            logger.warning("WeChat request with a bad or missing signature from %s", request.ip)
            return response.text("invalid signature", status=403)
        if request.args.get("encrypt_type") == "aes" and self.crypto is None:
            logger.warning("encrypted WeChat message, but WECHAT_ENCODING_AES_KEY is not set")
            return response.text("safe mode is not configured", status=403)
        return None

    async def replay_refusal(self, request: Request) -> HTTPResponse | None:
        """403 for a signed request replayed later, or with a nonce already used for another body.
        WeChat's own retries repeat the body, and the delivery check answers them."""
        try:
            age = abs(time.time() - int(request.args.get("timestamp", "")))
        except ValueError:
            age = float("inf")
        if age > MAX_REQUEST_AGE_SECONDS:
            logger.warning("WeChat request with a stale timestamp from %s", request.ip)
            return response.text("stale request", status=403)
        body = hashlib.sha256(request.body or b"").hexdigest()
        earlier = await self.once.claim("nonce:" + request.args.get("nonce", ""), body, 2 * MAX_REQUEST_AGE_SECONDS)
        if earlier is not None and earlier != body:
            logger.warning("WeChat request with a nonce used before, from %s", request.ip)
            return response.text("reused nonce", status=403)
        return None

    def decrypted(self, request: Request) -> str:
        if self.crypto is None:
            raise InvalidSignatureException()  # safe mode is not configured: refused as unsigned
        return self.crypto.decrypt_message(
            request.body,
            request.args.get("msg_signature", ""),
            request.args.get("timestamp", ""),
            request.args.get("nonce", ""),
        )

    async def reply_to(self, message: Any, request: Request, on_new_message: Callable) -> str | None:
        msg_id = message_id(message)
        key = f"msg:{message.source}:{msg_id}" if msg_id else f"event:{message.source}:{message.time}"
        earlier = self.deliveries.get(key)
        if earlier is not None:  # WeChat retried: never start the turn twice
            return None if earlier.late or not earlier.task.done() else earlier.reply
        if await self.once.claim(key, "taken", DELIVERY_WINDOW_SECONDS) is not None:
            return None  # another server process has this delivery: it answers
        text, fixed = self.what_to_say(message)
        if text is None:
            return fixed
        refusal = fixed_reply(text, WECHAT_LANGUAGE)
        if refusal is not None:  # too long or empty: nothing is parsed
            return refusal
        page = await self.waiting_pages.next_page(message.source) if asks_for_more(text) else None
        if page is not None:
            self.remember(key, asyncio.ensure_future(asyncio.sleep(0))).reply = page
            return page
        collector = CollectingOutputChannel()
        # Remembered before the first await, so that a retry arriving meanwhile is recognised.
        turn = self.take_turn(text, message, collector, request, on_new_message)
        delivery = self.remember(key, asyncio.ensure_future(turn))
        try:
            await asyncio.wait_for(asyncio.shield(delivery.task), self.reply_timeout_seconds)
        except asyncio.TimeoutError:
            delivery.late = True
            self.keep_running(self.send_late(delivery.task, collector, message.source))
            return None
        except Exception:
            logger.exception("handling a WeChat message failed")
            return say(WECHAT_LANGUAGE, "channel.wechat_something_went_wrong")
        if tracker_store_failed(conversation_id(self.name(), message.source)):
            return say(WECHAT_LANGUAGE, "channel.fault_apology")  # the database could not keep the turn
        if ended_in_silence(len(collector.messages), self.name()):
            return say(WECHAT_LANGUAGE, "channel.fault_apology")
        reply, *rest = await self.paged(collector.messages, message.source) or [""]
        if rest and self.customer_service is not None:
            self.keep_running(self.send_pages(rest, message.source))
        delivery.reply = reply or None
        return delivery.reply

    async def paged(self, messages: list[dict[str, Any]], open_id: str) -> list[str]:
        """The turn's reply as pages within WeChat's size limit. Without the customer-service API the pages
        after the first wait for the citizen to ask for more."""
        texts = " ".join(message.get("text") or "" for message in messages)
        reply = reply_text(messages, language_of_reply(texts))
        if not reply:
            return []
        first, *rest = pages(reply, with_hint=self.customer_service is None)
        if self.customer_service is None:
            await self.waiting_pages.keep(open_id, rest)
        return [first, *rest]

    @staticmethod
    def what_to_say(message: Any) -> tuple[str | None, str | None]:
        """(text for the conversation, None) or (None, fixed reply or None for "success")."""
        if message.type == "text":
            return message.content or "", None
        if message.type == "voice" and getattr(message, "recognition", None):
            return message.recognition, None  # WeChat's speech recognition, when switched on
        if message.type == "event":
            if message.event in ("subscribe", "subscribe_scan"):
                return GREETING_PAYLOAD, None
            return None, None  # unsubscribe, menu views, location reports: nothing to say
        return None, say(
            WECHAT_LANGUAGE, "channel.wechat_only_text"
        )  # images, voice without recognition, video, links, locations

    async def take_turn(
        self, text: str, message: Any, collector: CollectingOutputChannel, request: Request, on_new_message: Callable
    ) -> None:
        conversation = conversation_id(self.name(), message.source)
        text = await self.with_options_resolved(text, conversation, request)
        await on_new_message(
            UserMessage(
                text,
                collector,
                conversation,
                input_channel=self.name(),
                message_id=message_id(message),
                metadata={"default_language": WECHAT_LANGUAGE},
            )
        )

    async def with_options_resolved(self, text: str, conversation: str, request: Request) -> str:
        """A number answering the numbered options of the last reply becomes that button's payload;
        any other text goes through the checks of channels.guard (typed payloads, masking)."""
        agent = getattr(request.app.ctx, "agent", None)
        number = option_number(text)
        if number is not None:
            payload = chosen_payload(number, buttons_of_last_turn(await events_of(agent, conversation)))
            if payload:
                return payload
        return await prepared(text, conversation, agent)

    def remember(self, key: str, task: asyncio.Task) -> Delivery:
        self.deliveries[key] = delivery = Delivery(task)
        while len(self.deliveries) > REMEMBERED_DELIVERIES:
            self.deliveries.popitem(last=False)
        return delivery

    def keep_running(self, coroutine: Awaitable) -> None:
        task = asyncio.ensure_future(coroutine)
        self.background.add(task)  # a reference, so the task is not collected half-way
        task.add_done_callback(self.background.discard)

    async def send_late(self, turn: asyncio.Task, collector: CollectingOutputChannel, open_id: str) -> None:
        try:
            await turn
        except Exception:
            logger.exception("handling a WeChat message failed after the passive reply window")
            return
        if self.customer_service is None:
            logger.error("a late reply to %s is lost: set WECHAT_APP_ID and WECHAT_APP_SECRET", open_id)
            return
        if ended_in_silence(len(collector.messages), self.name()):
            await self.send_pages([say(WECHAT_LANGUAGE, "channel.fault_apology")], open_id)
            return
        await self.send_pages(await self.paged(collector.messages, open_id), open_id)

    async def send_pages(self, texts: list[str], open_id: str) -> None:
        """Send pages through the customer-service API, in order."""
        client = self.customer_service
        if client is None:
            return
        for text in texts:
            try:
                await asyncio.get_running_loop().run_in_executor(None, client.message.send_text, open_id, text)
            except (WeChatClientException, OSError):
                logger.exception("the customer-service API refused a reply to %s", open_id)
                return


def message_id(message: Any) -> str | None:
    """The MsgId as WeChat sent it (checked by well_formed), or None for events, which have none."""
    raw = message._data.get("MsgId")
    return str(raw) if raw else None


def well_formed(message: Any) -> bool:
    """An OpenID a conversation can be named after, and a MsgId that is a number when present."""
    msg_id = message._data.get("MsgId")
    source = message.source
    return (
        is_acceptable_sender(source)
        and len(source) <= MAX_SENDER_CHARS
        and (msg_id is None or (isinstance(msg_id, str) and MSG_ID.match(msg_id) is not None))
    )
