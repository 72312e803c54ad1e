"""WeChat requests that are signed but replayed, stale or malformed never reach a conversation."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from wechatpy import parse_message

from channels.wechat import WeChatInput, message_id, well_formed


def request(body: bytes = b"<xml/>", timestamp: float | None = None, nonce: str = "n-1") -> SimpleNamespace:
    stamp = str(int(time.time() if timestamp is None else timestamp))
    return SimpleNamespace(args={"timestamp": stamp, "nonce": nonce}, body=body, ip="203.0.113.9")


@pytest.fixture
def channel(monkeypatch) -> WeChatInput:
    monkeypatch.delenv("REDIS_URL", raising=False)
    return WeChatInput(token="token")


async def test_a_fresh_request_passes(channel):
    assert await channel.replay_refusal(request()) is None


@pytest.mark.parametrize("age", [301, -301, 10**9])
async def test_a_request_more_than_five_minutes_off_is_refused(channel, age):
    refusal = await channel.replay_refusal(request(timestamp=time.time() - age))
    assert refusal is not None and refusal.status == 403


async def test_a_missing_timestamp_is_refused(channel):
    bare = SimpleNamespace(args={"nonce": "n"}, body=b"", ip="203.0.113.9")
    assert (await channel.replay_refusal(bare)).status == 403


async def test_a_nonce_is_accepted_once(channel):
    assert await channel.replay_refusal(request(b"<xml>first</xml>", nonce="n-2")) is None
    replayed = await channel.replay_refusal(request(b"<xml>another message</xml>", nonce="n-2"))
    assert replayed is not None and replayed.status == 403


async def test_wechats_own_retry_repeats_the_body_and_is_left_to_the_delivery_check(channel):
    assert await channel.replay_refusal(request(b"<xml>same</xml>", nonce="n-3")) is None
    assert await channel.replay_refusal(request(b"<xml>same</xml>", nonce="n-3")) is None


def xml(msg_id: str | None = "1234567890123456789", source: str = "o-citizen-1") -> str:
    msg = f"<MsgId>{msg_id}</MsgId>" if msg_id is not None else ""
    return (
        f"<xml><ToUserName>gh_x</ToUserName><FromUserName>{source}</FromUserName><CreateTime>1</CreateTime>"
        f"<MsgType>text</MsgType><Content>hi</Content>{msg}</xml>"
    )


def test_a_numeric_msg_id_is_well_formed_and_keyed_as_sent():
    message = parse_message(xml())
    assert well_formed(message) and message_id(message) == "1234567890123456789"


def test_a_message_without_msg_id_is_well_formed():
    assert well_formed(parse_message(xml(msg_id=None)))


@pytest.mark.parametrize(
    "msg_id, source",
    [("abc", "o-1"), ("12; DROP", "o-1"), ("1" * 21, "o-1"), ("<a>1</a>", "o-1"), ("1", "x" * 200)],
    ids=["letters", "SQL-looking", "too long", "nested element", "overlong OpenID"],
)
def test_a_malformed_msg_id_or_open_id_is_not_well_formed(msg_id, source):
    assert not well_formed(parse_message(xml(msg_id=msg_id, source=source)))
