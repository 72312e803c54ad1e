"""A turn that ends without a reply (the action server is down or an action broke) is answered with an apology
on every channel, and the operator finds an error in the log (issue #12: faults are said, not hidden)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from wechatpy import parse_message

from channels.socketio import IssuedSessionSocketIO
from channels.wechat import WeChatInput
from text_catalogue import say


async def says_nothing(message) -> None:
    """Rasa when the action server cannot be reached: the turn is logged, nothing is sent."""


async def answers(message) -> None:
    await message.output_channel.send_text_message(message.sender_id, "an answer")


def wechat_text(content: str) -> object:
    return parse_message(
        "<xml><ToUserName>gh_x</ToUserName><FromUserName>o-citizen-7</FromUserName><CreateTime>1</CreateTime>"
        f"<MsgType>text</MsgType><Content>{content}</Content><MsgId>42</MsgId></xml>"
    )


@pytest.fixture
def wechat(monkeypatch) -> WeChatInput:
    monkeypatch.delenv("REDIS_URL", raising=False)
    return WeChatInput(token="token")


WECHAT_REQUEST = SimpleNamespace(app=SimpleNamespace(ctx=SimpleNamespace(agent=None)))


async def test_a_silent_wechat_turn_gets_the_apology_and_logs_an_error(wechat, caplog):
    with caplog.at_level(logging.ERROR):
        reply = await wechat.reply_to(wechat_text("你好"), WECHAT_REQUEST, says_nothing)
    assert reply == say("zh", "channel.fault_apology")
    assert "without a reply" in caplog.text


async def test_a_wechat_turn_that_answers_is_passed_on(wechat):
    assert await wechat.reply_to(wechat_text("你好"), WECHAT_REQUEST, answers) == "an answer"


class Browser:
    """The Socket.IO server's side of one connected page: its handlers called directly, its emits recorded."""

    def __init__(self, on_new_message) -> None:
        channel = IssuedSessionSocketIO()
        channel.blueprint(on_new_message)
        self.sio = channel.sio
        self.emitted: list[tuple[str, object]] = []

        async def emit(event, data=None, room=None, **_) -> None:
            self.emitted.append((event, data))

        self.sio.emit = emit
        self.sio.enter_room = lambda sid, room: None
        self.handlers = self.sio.handlers["/"]

    async def say(self, text: str) -> list[object]:
        await self.handlers["session_request"]("socket-1", {})
        await self.handlers["user_uttered"]("socket-1", {"message": text})
        return [data for event, data in self.emitted if event == "bot_uttered"]


async def test_a_silent_web_page_turn_gets_the_apology_in_the_language_written(monkeypatch, caplog):
    monkeypatch.setenv("SESSION_SECRET", "test-secret")
    with caplog.at_level(logging.ERROR):
        replies = await Browser(says_nothing).say("我断缴了三个月")
    assert replies == [{"text": say("zh", "channel.fault_apology")}]
    assert "without a reply" in caplog.text


async def test_a_web_page_turn_that_answers_gets_no_apology(monkeypatch):
    monkeypatch.setenv("SESSION_SECRET", "test-secret")
    assert await Browser(answers).say("hello") == [{"text": "an answer"}]
