"""The chat web page, served by the Rasa server itself at /chat/ (same origin as its Socket.IO).

web/index.html embeds the rasa-webchat widget, whose bundle `make web` copies
from the npm package to build/web/webchat.js: nothing is loaded from a CDN.
The page's own texts come from the catalogue (`web.*`) as /chat/texts.js.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from text_catalogue import LANGUAGES, children

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "web" / "index.html"
WIDGET = ROOT / "build" / "web" / "webchat.js"


def page_texts_script() -> str:
    """`PAGE_TEXTS`, the page's texts in every language, as a script the page loads before the widget."""
    texts = {language: children(language, "web") for language in LANGUAGES}
    return f"var PAGE_TEXTS = {json.dumps(texts, ensure_ascii=False)};\n"


class WebPage(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "web_page"

    def url_prefix(self) -> str:
        # Rasa joins this to "/webhooks/" with urljoin: an absolute path replaces it.
        return "/chat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        page = Blueprint("web_page", __name__)

        @page.route("/", methods=["GET"])
        async def index(_: Request) -> HTTPResponse:
            return await response.file(PAGE, mime_type="text/html; charset=utf-8")

        @page.route("/texts.js", methods=["GET"])
        async def texts(_: Request) -> HTTPResponse:
            return response.text(page_texts_script(), content_type="application/javascript; charset=utf-8")

        @page.route("/webchat.js", methods=["GET"])
        async def widget(_: Request) -> HTTPResponse:
            if not WIDGET.exists():
                return response.text("the chat widget is not built: run `make web`", status=503)
            return await response.file(
                WIDGET,
                mime_type="application/javascript; charset=utf-8",
                headers={"Cache-Control": "public, max-age=3600"},
            )

        return page
