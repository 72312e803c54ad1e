"""Rasa's Telegram channel, switched on by environment variables.

TELEGRAM_ACCESS_TOKEN (from @BotFather), TELEGRAM_BOT_NAME and TELEGRAM_WEBHOOK_URL
(https://<host>/webhooks/telegram/webhook). Without a token the channel is
disabled: Rasa's Telegram output channel registers its webhook with Telegram's
servers when it is built, so a disabled channel must not build it at all.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.telegram import TelegramInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.settings import setting

logger = logging.getLogger(__name__)


class TelegramFromEnvironment(TelegramInput):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramFromEnvironment:
        return cls(
            setting(credentials, "access_token", "TELEGRAM_ACCESS_TOKEN"),
            setting(credentials, "verify", "TELEGRAM_BOT_NAME"),
            setting(credentials, "webhook_url", "TELEGRAM_WEBHOOK_URL"),
        )

    @property
    def enabled(self) -> bool:
        return bool(self.access_token)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if self.enabled:
            return super().blueprint(on_new_message)
        logger.info("Telegram channel disabled: set TELEGRAM_ACCESS_TOKEN to enable it")
        disabled = Blueprint("telegram_webhook", __name__)

        @disabled.route("/", methods=["GET", "POST"])
        @disabled.route("/<_path:path>", methods=["GET", "POST"])
        async def not_configured(_: Request, **__: Any) -> HTTPResponse:
            return response.text("the Telegram channel is not configured (TELEGRAM_ACCESS_TOKEN)", status=503)

        return disabled
