"""How long a citizen waits for a reply, on REST and on WeChat's passive-reply path.

    make bench-replies            (starts its own servers on free ports, then stops them)

WeChat gives up on a passive reply after 5 seconds; the channel answers "success" after
WECHAT_REPLY_TIMEOUT_SECONDS (4 s) and sends late replies through the customer-service API.
The numbers go in the README, not in assertions.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tests.e2e.conftest import start_servers, stop_servers
from tests.e2e.fake_wechat_api import FakeWeChatApi
from tests.e2e.wechat_client import WeChatEndpoint, wechat_env

QUESTIONS = [
    "I missed 45 days and paid it back on 10 March 2025, when can I use my insurance again?",
    "when can i use my yibao again after missing some payments",
    "I paid residents insurance and then got a job, can I get a refund?",
    "I'm moving to Shenzhen without a new employer, what happens to my insurance?",
    "what does medical insurance not pay for",
]


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def summary(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{name:8s} n={len(ordered):3d}  median {statistics.median(ordered) * 1000:6.0f} ms  "
        f"p95 {p95 * 1000:6.0f} ms  max {ordered[-1] * 1000:6.0f} ms"
    )


def main(rounds: int = 10) -> None:
    api = FakeWeChatApi()
    print("Starting the servers (the model takes a while to load)...", flush=True)
    assistant, processes = start_servers(Path(tempfile.mkdtemp(prefix="bench-")), wechat_env(api))
    wechat = WeChatEndpoint(f"{assistant.rasa_url}/webhooks/wechat/", assistant.rasa_url, api)
    try:
        rest, passive, late = [], [], 0
        for round_number in range(rounds):
            for question in QUESTIONS:
                rest.append(timed(lambda q=question: assistant.say(f"bench-{uuid.uuid4().hex[:8]}", q)))
                reply: list[str] = []
                passive.append(
                    timed(lambda q=question, r=reply: r.append(wechat.send_text(f"o-bench-{uuid.uuid4().hex[:8]}", q)))
                )
                late += reply[0] == ""
            print(f"  round {round_number + 1}/{rounds} done", flush=True)
        print(summary("REST", rest))
        print(summary("WeChat", passive))
        print(f"WeChat replies that missed the passive window: {late} of {len(passive)}")
    finally:
        stop_servers(processes)
        api.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
