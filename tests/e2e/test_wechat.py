"""The WeChat Official Account channel on a running Rasa server, with messages signed and
encrypted by wechatpy the way WeChat's servers send them."""

from __future__ import annotations

import time
import uuid

import pytest
import requests
import xmltodict
from wechatpy.crypto import WeChatCrypto

from tests.e2e.conftest import start_servers, stop_servers
from tests.e2e.fake_wechat_api import FakeWeChatApi
from tests.e2e.wechat_client import (
    ACCOUNT,
    AES_KEY,
    APP_ID,
    APP_SECRET,
    TOKEN,
    WAITING_PERIOD_QUESTION,
    WeChatEndpoint,
    message_xml,
    passive_reply_text,
    signature,
    wechat_env,
)
from text_catalogue import say


@pytest.fixture(scope="module")
def wechat(assistant, wechat_api):
    return WeChatEndpoint(f"{assistant.rasa_url}/webhooks/wechat/", assistant.rasa_url, wechat_api)


def new_citizen() -> str:
    return f"o-citizen-{uuid.uuid4().hex[:12]}"


def test_url_verification_echoes_the_challenge(wechat):
    reply = requests.get(wechat.url, params={**wechat.signed_query(), "echostr": "challenge-123"}, timeout=10)
    assert (reply.status_code, reply.text) == (200, "challenge-123")


@pytest.mark.parametrize(
    "query",
    [
        {"timestamp": "1", "nonce": "2", "signature": "0" * 40},
        {"timestamp": "1", "nonce": "2"},
        {},
    ],
    ids=["wrong signature", "missing signature", "no query at all"],
)
def test_unsigned_requests_get_403_and_reach_no_conversation(wechat, query):
    open_id = new_citizen()
    assert requests.get(wechat.url, params={**query, "echostr": "x"}, timeout=10).status_code == 403
    assert wechat.post(message_xml(open_id, Content="hello", msg_id=1), query).status_code == 403
    assert wechat.user_texts(open_id) == []


def test_a_signature_made_with_another_token_is_refused(wechat):
    reply = wechat.post(message_xml(new_citizen(), Content="hello", msg_id=2), wechat.signed_query("other-token"))
    assert reply.status_code == 403


def test_a_question_gets_the_short_answer_as_a_passive_reply_and_the_sources_by_number(wechat):
    open_id = new_citizen()
    answer = wechat.send_text(open_id, WAITING_PERIOD_QUESTION)
    assert "pays your benefits again from 1 April 2025" in answer and "Sources:" not in answer
    assert "Reply with a number:" in answer and say("en", "channel.wechat_more_hint") not in answer  # one page
    number = next(line.split(".")[0] for line in answer.splitlines() if line.endswith(". Sources"))
    sources = wechat.send_text(open_id, number)
    assert "Sources:" in sources and "How to operate the medical insurance online?" in sources


def test_buttons_are_numbered_options_answered_with_the_number(wechat):
    open_id = new_citizen()
    question = wechat.send_text(open_id, "when can i use my yibao again after missing some payments")
    assert "Reply with a number:" in question and "1. Yes" in question
    assert "How long were your contributions interrupted" in wechat.send_text(open_id, "1")
    assert "When did you pay" in wechat.send_text(open_id, "3 months")


def test_a_number_that_is_no_option_is_read_as_typed(wechat):
    open_id = new_citizen()
    wechat.send_text(open_id, "when can i use my yibao again after missing some payments")
    wechat.send_text(open_id, "1")
    assert "When did you pay" in wechat.send_text(open_id, "45")  # 45 days, not option 45
    assert "45" in wechat.user_texts(open_id)


def test_a_retried_delivery_is_answered_once(wechat):
    open_id, msg_id = new_citizen(), 7_000_001
    first = wechat.send_text(open_id, WAITING_PERIOD_QUESTION, msg_id=msg_id)
    retry = wechat.send_text(open_id, WAITING_PERIOD_QUESTION, msg_id=msg_id)
    assert "1 April 2025" in first and retry in ("", first)
    assert wechat.user_texts(open_id) == [WAITING_PERIOD_QUESTION]


def test_safe_mode_messages_are_decrypted_and_answered_encrypted(wechat):
    crypto = WeChatCrypto(TOKEN, AES_KEY, APP_ID)
    timestamp, nonce = str(int(time.time())), "nonce123"
    envelope = xmltodict.parse(
        crypto.encrypt_message(
            message_xml(new_citizen(), Content=WAITING_PERIOD_QUESTION, msg_id=8_000_001), nonce, timestamp
        )
    )["xml"]
    body = xmltodict.unparse({"xml": {"ToUserName": ACCOUNT, "Encrypt": envelope["Encrypt"]}})
    query = {
        **wechat.signed_query(),
        "timestamp": timestamp,
        "nonce": nonce,
        "encrypt_type": "aes",
        "msg_signature": envelope["MsgSignature"],
    }
    query["signature"] = signature(TOKEN, timestamp, nonce)
    reply = wechat.post(body, query)
    assert reply.status_code == 200
    assert "<Encrypt>" in reply.text and "1 April 2025" not in reply.text  # nothing in clear text
    sealed = xmltodict.parse(reply.text)["xml"]
    plain = crypto.decrypt_message(reply.text, sealed["MsgSignature"], sealed["TimeStamp"], sealed["Nonce"])
    assert "pays your benefits again from 1 April 2025" in passive_reply_text(plain)

    tampered = {**query, "msg_signature": "0" * 40}
    assert wechat.post(body, tampered).status_code == 403


def test_subscribing_is_greeted_in_chinese(wechat):
    reply = wechat.post(message_xml(new_citizen(), "event", Event="subscribe", EventKey=""))
    greeting = passive_reply_text(reply.text)
    assert reply.status_code == 200 and say("zh", "channel.numbered_options_header") in greeting
    assert "请问您想了解什么" in greeting


def test_unsubscribing_needs_no_reply(wechat):
    reply = wechat.post(message_xml(new_citizen(), "event", Event="unsubscribe"))
    assert (reply.status_code, reply.text) == (200, "success")


@pytest.mark.parametrize(
    "msg_type, fields",
    [
        ("image", {"PicUrl": "http://example.invalid/a.jpg", "MediaId": "m1"}),
        ("voice", {"MediaId": "m2", "Format": "amr"}),
        ("location", {"Location_X": "22.5", "Location_Y": "114.0", "Scale": "15", "Label": "Shenzhen"}),
    ],
)
def test_messages_that_are_not_text_ask_for_text(wechat, msg_type, fields):
    open_id = new_citizen()
    reply = wechat.post(message_xml(open_id, msg_type, msg_id=uuid.uuid4().int % 10**18, **fields))
    assert passive_reply_text(reply.text) == say("zh", "channel.wechat_only_text")
    assert wechat.user_texts(open_id) == []


def test_voice_with_speech_recognition_is_read_as_text(wechat):
    reply = wechat.post(
        message_xml(
            new_citizen(), "voice", msg_id=9_000_001, MediaId="m3", Format="amr", Recognition=WAITING_PERIOD_QUESTION
        )
    )
    assert "1 April 2025" in passive_reply_text(reply.text)


def test_a_malformed_body_is_refused(wechat):
    assert wechat.post("<xml><not-closed>").status_code == 400


@pytest.fixture(scope="module")
def slow_wechat(tmp_path_factory):
    """A server whose every reply misses the passive window (a timeout of 0 s)."""
    api = FakeWeChatApi()
    assistant, processes = start_servers(
        tmp_path_factory.mktemp("wechat-slow"), wechat_env(api, WECHAT_REPLY_TIMEOUT_SECONDS="0")
    )
    yield WeChatEndpoint(f"{assistant.rasa_url}/webhooks/wechat/", assistant.rasa_url, api)
    stop_servers(processes)
    api.close()


def test_a_late_reply_is_sent_through_the_customer_service_api(slow_wechat):
    open_id = new_citizen()
    assert slow_wechat.send_text(open_id, WAITING_PERIOD_QUESTION, msg_id=10_000_001) == ""  # "success" at once
    assert slow_wechat.send_text(open_id, WAITING_PERIOD_QUESTION, msg_id=10_000_001) == ""  # WeChat's retry
    sent = slow_wechat.api.messages_to(open_id)
    assert len(sent) == 1 and sent[0]["msgtype"] == "text"
    assert "pays your benefits again from 1 April 2025" in sent[0]["text"]["content"]
    assert slow_wechat.api.token_requests[0] == {
        "grant_type": "client_credential",
        "appid": APP_ID,
        "secret": APP_SECRET,
    }
    # The retry started no second turn: a later message in the same conversation waits for any turn queued
    # before it, so once its reply has arrived the tracker holds every turn there was.
    assert slow_wechat.send_text(open_id, "thank you", msg_id=10_000_002) == ""
    assert len(slow_wechat.api.messages_to(open_id, count=2)) == 2
    assert slow_wechat.user_texts(open_id) == [WAITING_PERIOD_QUESTION, "thank you"]
    assert len(slow_wechat.api.messages_to(open_id, seconds=0)) == 2


def test_a_chinese_question_is_answered_in_chinese_with_numbered_options(wechat):
    open_id = new_citizen()
    question = wechat.send_text(open_id, "医保断缴了，补交以后啥时候能用？")
    assert "您已经补缴了" in question and say("zh", "channel.numbered_options_header") in question
    assert "断缴了多长时间" in wechat.send_text(open_id, "1")
    assert "哪天补缴" in wechat.send_text(open_id, "一百天")
    assert "2026年6月1日" in wechat.send_text(open_id, "今年3月")


def test_chinese_speech_recognition_is_read_like_typed_text(wechat):
    reply = wechat.post(
        message_xml(
            new_citizen(),
            "voice",
            msg_id=9_000_002,
            MediaId="m4",
            Format="amr",
            Recognition="我断缴了四十五天，二零二五年三月十号补缴的，什么时候能报销",
        )
    )
    assert "2025年4月1日" in passive_reply_text(reply.text)


def test_a_reply_longer_than_wechat_allows_goes_out_in_pages_that_fit(wechat):
    """The "why?" of a transfer without a new employer is among the longest replies in Chinese."""
    open_id = new_citizen()
    wechat.send_text(open_id, "我要去深圳工作，还没找到新单位，医保怎么办？")
    answer = wechat.send_text(open_id, "2025年8月31日")
    why = wechat.send_text(open_id, "为什么")
    rest = [message["text"]["content"] for message in wechat.api.messages_to(open_id)]  # through the API
    assert "2025年11月30日" in answer
    assert all(len(page.encode("utf-8")) <= 2048 for page in [answer, why, *rest])
    assert rest and len((why + rest[-1]).encode("utf-8")) > 2048  # the reply was longer than one message
    assert why.startswith("为什么是这个答复")
