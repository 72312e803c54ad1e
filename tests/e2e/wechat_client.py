"""Talk to the WeChat channel the way WeChat's servers do: messages signed and encrypted with wechatpy."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import requests
import xmltodict
from wechatpy.utils import WeChatSigner

from tests.e2e.fake_wechat_api import FakeWeChatApi

TOKEN = "bureau-wechat-token"
APP_ID = "wx0123456789abcdef"
APP_SECRET = "app-secret"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters, as WeChat issues them
ACCOUNT = "gh_bureau_account"
WAITING_PERIOD_QUESTION = "I missed 45 days and paid it back on 10 March 2025, when can I use my insurance again?"


def signature(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


def message_xml(open_id: str, msg_type: str = "text", msg_id: int | None = None, **fields) -> str:
    body = {"ToUserName": ACCOUNT, "FromUserName": open_id, "CreateTime": str(int(time.time())), "MsgType": msg_type}
    if msg_id is not None:
        body["MsgId"] = str(msg_id)
    return xmltodict.unparse({"xml": {**body, **fields}})


@dataclass
class WeChatEndpoint:
    url: str
    rasa_url: str
    api: FakeWeChatApi

    def signed_query(self, token: str = TOKEN) -> dict:
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        return {
            "timestamp": timestamp,
            "nonce": nonce,
            "signature": signature(token, timestamp, nonce),
            "openid": "ignored-by-the-channel",
        }

    def post(self, xml: str, query: dict | None = None) -> requests.Response:
        return requests.post(
            self.url, params=self.signed_query() if query is None else query, data=xml.encode(), timeout=30
        )

    def send_text(self, open_id: str, content: str, msg_id: int | None = None) -> str:
        """The text of the passive reply ('' when the server answered "success")."""
        reply = self.post(message_xml(open_id, Content=content, msg_id=msg_id or uuid.uuid4().int % 10**18))
        assert reply.status_code == 200, reply.text
        return passive_reply_text(reply.text)

    def user_texts(self, open_id: str) -> list[str]:
        events = requests.get(f"{self.rasa_url}/conversations/wechat:{open_id}/tracker", timeout=30).json()["events"]
        return [event["text"] for event in events if event["event"] == "user"]


def passive_reply_text(body: str) -> str:
    if body == "success":
        return ""
    reply = xmltodict.parse(body)["xml"]
    assert (reply["MsgType"], reply["ToUserName"] is not None, reply["FromUserName"]) == ("text", True, ACCOUNT)
    return reply["Content"]


def wechat_env(api: FakeWeChatApi, **extra: str) -> dict:
    return {
        "WECHAT_TOKEN": TOKEN,
        "WECHAT_APP_ID": APP_ID,
        "WECHAT_APP_SECRET": APP_SECRET,
        "WECHAT_ENCODING_AES_KEY": AES_KEY,
        "WECHAT_API_BASE_URL": api.url,
        **extra,
    }
