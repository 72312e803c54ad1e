"""Simulated citizens for locust: each plays whole conversations from tests/conversations through the REST channel,
one turn per task, with no pause between turns (N users = N conversations in flight), a fresh sender id for each.

Run by `python -m benchmarks.load` in build/bench-venv with PYTHONPATH at the project's root. Environment:
BENCH_SAMPLES  file that gets one line per turn: start (epoch s), seconds, language, outcome, detail
BENCH_CHECK    "1": clicks use our buttons' payloads and replies are checked against `expect` (our assistant);
               otherwise a click is typed as the button's title and nothing is checked (the floor)
"""

from __future__ import annotations

import csv
import itertools
import os
import random
import time
import uuid

from locust import HttpUser, constant, task

from benchmarks.load.conversations import buttons_of, load_conversations, message_for, missing_texts

REQUEST_TIMEOUT_SECONDS = 60
CHECK = os.environ.get("BENCH_CHECK") == "1"
# The same shuffled order for every target, English and Chinese mixed.
CONVERSATIONS = itertools.cycle(random.Random(13).sample(load_conversations(), k=len(load_conversations())))
# Line-buffered: every turn is on disk when locust exits.
SAMPLES = csv.writer(open(os.environ["BENCH_SAMPLES"], "a", newline="", buffering=1, encoding="utf-8"))  # noqa: SIM115


class Citizen(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.begin()

    def begin(self) -> None:
        self.conversation = next(CONVERSATIONS)
        self.sender = f"bench-{uuid.uuid4().hex[:12]}"
        self.turns = iter(self.conversation.turns)
        self.buttons: list[dict] = []

    @task
    def turn(self) -> None:
        turn = next(self.turns, None)
        if turn is None:
            self.begin()
            turn = next(self.turns)
        message = message_for(turn, self.buttons) if CHECK else turn.text
        body = {"sender": self.sender, "message": turn.text if message is None else message}
        language = self.conversation.language
        start, clock = time.time(), time.perf_counter()
        with self.client.post(
            "/webhooks/rest/webhook",
            json=body,
            name=language,
            timeout=REQUEST_TIMEOUT_SECONDS,
            catch_response=True,
        ) as response:
            seconds = time.perf_counter() - clock
            outcome, detail = "ok", ""
            try:
                replies = response.json() if response.status_code == 200 else None
            except ValueError:
                replies = None
            if not isinstance(replies, list):
                outcome, detail = (
                    "error",
                    f"HTTP {response.status_code} {getattr(response, 'error', None) or ''}".strip(),
                )
                response.failure(detail)
                replies = []
            elif CHECK and message is None:
                outcome, detail = "unexpected", f"no button {turn.text!r} to click"
            elif CHECK and (missing := missing_texts(turn, replies)):
                outcome, detail = "unexpected", f"{self.conversation.name}: {missing[0]!r} not in the reply"
            self.buttons = buttons_of(replies)
        SAMPLES.writerow([f"{start:.3f}", f"{seconds:.4f}", language, outcome, detail])
