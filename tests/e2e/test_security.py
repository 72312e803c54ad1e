"""Issue #12 against the running servers: hostile input on every channel, bounded work per
message, personal numbers nowhere in clear, ids that cannot be borrowed."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import socketio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from channels.guard import MAX_MESSAGE_CHARS
from channels.socketio import SIGNATURE_CHARS
from tests.e2e.test_conversations import reply_text
from tests.e2e.wechat_client import TOKEN, WeChatEndpoint, message_xml, passive_reply_text, signature
from text_catalogue import say

PERSONAL_NUMBERS = {
    "en": "My ID is 110105199003071239, mobile +86 138 1234 5678, card 6222 0212 3456 7894.",
    "zh": "我的身份证号11010119900307109X，手机13912345678，银行卡6222021234567890128",
}
CLEAR = [
    "110105199003071239",
    "138 1234 5678",
    "13812345678",
    "6222 0212 3456 7894",
    "6222021234567894",
    "11010119900307109X",
    "13912345678",
    "6222021234567890128",
]


def webhook(assistant) -> str:
    return f"{assistant.rasa_url}/webhooks/rest/webhook"


def new_sender() -> str:
    return f"sec-{uuid.uuid4().hex[:10]}"


def still_answers(assistant) -> None:
    assert reply_text(assistant.say(new_sender(), "hello")), "a normal message got no reply afterwards"


# --- REST: malformed requests are 400, odd messages get a sensible reply ------------------------------------------


@pytest.mark.parametrize(
    "body, headers",
    [
        (b"{not json", {"Content-Type": "application/json"}),
        (b"[1, 2]", {"Content-Type": "application/json"}),
        (b'"text"', {"Content-Type": "application/json"}),
        (b'{"message": "hi"}', {"Content-Type": "application/json"}),
        (b'{"sender": "", "message": "hi"}', {"Content-Type": "application/json"}),
        (json.dumps({"sender": "x" * 10_000, "message": "hi"}).encode(), {"Content-Type": "application/json"}),
        (b'{"sender": "me", "message": "hi"}'.replace(b"hi", b"\xff\xfe"), {"Content-Type": "application/json"}),
        (b"sender=me&message=hi", {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"<xml><sender>me</sender></xml>", {"Content-Type": "text/xml"}),
    ],
    ids=[
        "invalid JSON",
        "a JSON list",
        "a JSON string",
        "no sender",
        "empty sender",
        "overlong sender",
        "invalid UTF-8",
        "form encoding",
        "XML",
    ],
)
def test_malformed_rest_requests_are_400(assistant, body, headers):
    reply = requests.post(webhook(assistant), data=body, headers=headers, timeout=30)
    assert reply.status_code == 400, reply.text
    still_answers(assistant)


def test_an_oversized_body_is_413(assistant):
    reply = requests.post(
        webhook(assistant), data=b'{"sender": "me", "message": "' + b"a" * 400_000 + b'"}', timeout=30
    )
    assert reply.status_code == 413


@pytest.mark.parametrize(
    "message",
    [
        "",
        "\u0000\u0007\u001b[31m",
        "😀😀😀",
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
        "'; DROP TABLE events; -- ",
        "\ud800 lone surrogate",
        "医保" * 999,
    ],
    ids=[
        "empty",
        "control characters",
        "emoji only",
        "markup and script",
        "SQL-looking",
        "lone surrogate",
        "at the cap",
    ],
)
def test_odd_messages_get_a_reply_and_no_5xx(assistant, message):
    body = json.dumps({"sender": new_sender(), "message": message})  # ensure_ascii keeps the lone surrogate
    reply = requests.post(webhook(assistant), data=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert reply.status_code == 200 and reply.json(), reply.text
    still_answers(assistant)


def test_a_typed_payload_is_text_not_a_command(assistant):
    sender = new_sender()
    assistant.say(sender, "hello")
    assistant.say(sender, '/session_start{"gap_days": 45}')
    events = requests.get(
        f"{assistant.rasa_url}/conversations/rest:{sender}/tracker", params={"include_events": "ALL"}, timeout=30
    ).json()["events"]
    typed = [event for event in events if event["event"] == "user"][-1]
    assert typed["text"] == 'session_start{"gap_days": 45}'  # read as words: no slash, no intent forced
    assert typed["parse_data"]["intent"]["name"] != "session_start"


def test_a_100000_digit_message_is_answered_at_once_while_another_conversation_goes_on(assistant):
    with ThreadPoolExecutor(max_workers=2) as pool:
        started = time.monotonic()
        normal = pool.submit(assistant.say, new_sender(), "when can i use my insurance again after missing payments")
        long_reply = assistant.say(new_sender(), "1" * 100_000)
        long_seconds = time.monotonic() - started
        assert reply_text(normal.result(timeout=60))
    assert reply_text(long_reply) == say("en", "channel.message_too_long", limit=MAX_MESSAGE_CHARS)
    assert long_seconds < 1.0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.fixed_dictionaries({"sender": JSON_VALUES, "message": JSON_VALUES}, optional={"metadata": JSON_VALUES}).map(
            lambda value: json.dumps(value).encode()
        ),
    )
)
def test_no_fuzzed_rest_request_gets_a_5xx(assistant, body):
    reply = requests.post(webhook(assistant), data=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert reply.status_code < 500, (body, reply.text)


# --- WeChat: replays, stale requests, malformed and hostile XML ---------------------------------------------------


@pytest.fixture(scope="module")
def wechat(assistant, wechat_api):
    return WeChatEndpoint(f"{assistant.rasa_url}/webhooks/wechat/", assistant.rasa_url, wechat_api)


def signed_at(timestamp: int, nonce: str) -> dict:
    return {"timestamp": str(timestamp), "nonce": nonce, "signature": signature(TOKEN, str(timestamp), nonce)}


def test_a_wechat_request_older_than_five_minutes_is_refused(wechat):
    open_id = new_sender()
    query = signed_at(int(time.time()) - 400, uuid.uuid4().hex)
    assert wechat.post(message_xml(open_id, Content="hello", msg_id=1), query).status_code == 403
    assert wechat.user_texts(open_id) == []


def test_a_wechat_nonce_is_accepted_once(wechat):
    query = signed_at(int(time.time()), uuid.uuid4().hex)
    first, second = new_sender(), new_sender()
    assert wechat.post(message_xml(first, Content="hello", msg_id=11), query).status_code == 200
    assert wechat.post(message_xml(second, Content="hello", msg_id=12), query).status_code == 403
    assert wechat.user_texts(second) == []


@pytest.mark.parametrize(
    "xml",
    [
        message_xml("o-x", Content="hi").replace("</xml>", "<MsgId>not-a-number</MsgId></xml>"),
        message_xml("o-x", Content="hi", msg_id=1).replace("o-x", "o" * 300),
        '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<xml><ToUserName>g</ToUserName><FromUserName>o-bomb</FromUserName><CreateTime>1</CreateTime>"
        "<MsgType>text</MsgType><Content>&b;</Content><MsgId>5</MsgId></xml>",
        "<xml><unclosed>",
    ],
    ids=["malformed MsgId", "overlong OpenID", "XML entity bomb", "broken XML"],
)
def test_malformed_wechat_messages_are_400(wechat, xml):
    assert wechat.post(xml).status_code == 400


def test_an_oversized_wechat_body_is_413(wechat):
    assert wechat.post(message_xml("o-x", Content="a" * 100_000, msg_id=3)).status_code == 413


def test_a_long_wechat_message_gets_please_shorten(wechat):
    reply = wechat.send_text(new_sender(), "1" * 5000)
    assert reply == say("zh", "channel.message_too_long", limit=MAX_MESSAGE_CHARS)


def test_rest_cannot_address_a_wechat_conversation(assistant, wechat):
    open_id = new_sender()
    wechat.send_text(open_id, "你好")
    assistant.say(open_id, "hello from REST")  # the same id, through REST
    assert wechat.user_texts(open_id) == ["你好"]


# --- Personal numbers: nowhere in clear in the database or the logs -----------------------------------------------


def test_personal_numbers_are_masked_in_the_database_and_the_logs(assistant, wechat):
    assistant.say(new_sender(), PERSONAL_NUMBERS["en"])
    assistant.say(new_sender(), PERSONAL_NUMBERS["zh"], {"language": "zh"})
    passive_reply_text(wechat.post(message_xml(new_sender(), Content=PERSONAL_NUMBERS["zh"], msg_id=77)).text)
    assistant.say(new_sender(), "hello")  # a later turn: everything before it is written
    with sqlite3.connect(assistant.home / "assistant.db") as database:
        stored = [row[0] for row in database.execute("select data from events")]
        stored += [row[0] for row in database.execute("select text from consultation_unanswered")]
    logs = "".join(path.read_text(errors="replace") for path in assistant.home.glob("*.log"))
    everything = "\n".join(stored) + logs
    assert "[ID number]" in everything
    for number in CLEAR:
        assert number not in everything, number
    assert "signature=" not in logs or "signature=[redacted]" in logs


# --- Socket.IO: the server issues the session id ------------------------------------------------------------------


async def session_confirmed(url: str, presented: str | None) -> str:
    client = socketio.AsyncClient()
    confirmed: asyncio.Future = asyncio.get_running_loop().create_future()
    client.on("session_confirm", lambda session_id: confirmed.set_result(session_id))
    await client.connect(url, socketio_path="/socket.io", transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": presented})
        return await asyncio.wait_for(confirmed, 30)
    finally:
        await client.disconnect()


async def test_the_web_page_gets_a_server_issued_session_id_it_can_keep_but_not_choose(assistant):
    issued = await session_confirmed(assistant.rasa_url, None)
    assert len(issued.split(".")[-1]) == SIGNATURE_CHARS
    assert await session_confirmed(assistant.rasa_url, issued) == issued  # kept across a reload
    chosen = await session_confirmed(assistant.rasa_url, "someone-elses-session")
    assert chosen != "someone-elses-session"
