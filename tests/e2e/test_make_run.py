"""`make run`'s script with its default settings: it starts, says so, answers on REST, keeps the API closed."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import requests

from tests.e2e.conftest import ROOT
from tests.servers import free_port


def test_run_assistant_starts_with_default_settings_and_serves_only_the_channels(tmp_path: Path):
    rasa_port, action_port = free_port(), free_port()
    env = {
        **os.environ,
        "RASA_PORT": str(rasa_port),
        "ACTION_PORT": str(action_port),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'assistant.db'}",
    }
    for name in ("RASA_API_TOKEN", "REST_TOKEN", "ACTION_ENDPOINT_URL", "CORS_ORIGINS", "RASA_INTERFACE"):
        env.pop(name, None)
    output = tmp_path / "run.out"
    script = subprocess.Popen(
        ["scripts/run_assistant.sh"],
        cwd=ROOT,
        env=env,
        stdout=output.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while "The assistant is running." not in output.read_text():
            assert script.poll() is None, f"run_assistant.sh stopped:\n{output.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"not running after 5 minutes:\n{output.read_text()[-3000:]}"
            time.sleep(0.5)
        base = f"http://localhost:{rasa_port}"
        replies = requests.post(f"{base}/webhooks/rest/webhook", json={"sender": "run", "message": "hello"}, timeout=60)
        assert replies.status_code == 200 and replies.json()[0]["text"]
        assert requests.get(f"{base}/conversations/rest:run/tracker", timeout=10).status_code in (401, 403, 404)
        assert requests.put(f"{base}/model", timeout=10).status_code in (401, 403, 404, 405)
    finally:
        os.killpg(script.pid, signal.SIGTERM)
        script.wait(timeout=60)
