"""A stand-in for WeChat's API server: hands out an access token, records customer-service messages."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ACCESS_TOKEN = "fake-access-token"


class FakeWeChatApi:
    def __init__(self) -> None:
        self.token_requests: list[dict] = []
        self.sent: list[dict] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path == "/cgi-bin/token":
                    api.token_requests.append({k: v[0] for k, v in parse_qs(parts.query).items()})
                    return self.answer({"access_token": ACCESS_TOKEN, "expires_in": 7200})
                self.answer({"errcode": 404, "errmsg": "not found"})

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                if parts.path == "/cgi-bin/message/custom/send":
                    if parse_qs(parts.query).get("access_token") != [ACCESS_TOKEN]:
                        return self.answer({"errcode": 40014, "errmsg": "invalid access_token"})
                    api.sent.append(body)
                    return self.answer({"errcode": 0, "errmsg": "ok"})
                self.answer({"errcode": 404, "errmsg": "not found"})

            def answer(self, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin/"

    def messages_to(self, open_id: str, count: int = 1, seconds: float = 60) -> list[dict]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = [message for message in self.sent if message.get("touser") == open_id]
            if len(found) >= count:
                return found
            time.sleep(0.2)
        return [message for message in self.sent if message.get("touser") == open_id]

    def close(self) -> None:
        self.server.shutdown()
