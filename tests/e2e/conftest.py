"""Start the real action server and Rasa server for end-to-end tests, on free ports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from deploy.local_servers import wait_for_http
from tests.e2e.wechat_client import wechat_env
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "latest.tar.gz"
TODAY = "2026-11-22"  # relative dates in the conversations ("in March") are read against this day


class Assistant:
    """A running assistant reached through the REST channel."""

    def __init__(self, rasa_url: str, home: Path | None = None) -> None:
        self.rasa_url = rasa_url
        self.home = home  # the folder with the servers' logs (and the SQLite database unless DATABASE_URL says)

    def say(self, sender: str, message: str, metadata: dict | None = None) -> list[dict]:
        body = {"sender": sender, "message": message, **({"metadata": metadata} if metadata else {})}
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict:
        """The stored conversation: the REST channel keeps it as "rest:" + sender (channels.guard)."""
        return requests.get(f"{self.rasa_url}/conversations/rest:{sender}/tracker", timeout=30).json()


def start_servers(
    tmp: Path, env_extra: dict | None = None, rasa_port: int | None = None, action_port: int | None = None
):
    """Start both servers; returns (Assistant, [processes]).

    Conversations go to a database in `tmp` unless env_extra names DATABASE_URL.
    """
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first (make test does)")
    rasa_port, action_port = rasa_port or free_port(), action_port or free_port()
    env = {
        **os.environ,
        "ASSISTANT_TODAY": TODAY,
        "RASA_TELEMETRY_ENABLED": "false",
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action_port}/webhook",
        "DATABASE_URL": f"sqlite:///{tmp / 'assistant.db'}",
        **(env_extra or {}),
    }
    bin_dir = Path(sys.executable).parent
    action_log, rasa_log = tmp / "actions.log", tmp / "rasa.log"
    actions = subprocess.Popen(
        [str(bin_dir / "rasa"), "run", "actions", "--actions", "actions", "--port", str(action_port)],
        cwd=ROOT,
        env=env,
        stdout=action_log.open("a"),
        stderr=subprocess.STDOUT,
    )
    wait_for_http(f"http://127.0.0.1:{action_port}/health", actions, action_log)
    rasa = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server",  # Rasa's command line with server.fixes, as make run starts it
            "run",
            "--model",
            str(MODEL),
            "--port",
            str(rasa_port),
            "--enable-api",
            "--credentials",
            "credentials.yml",
            "--endpoints",
            "endpoints.yml",
        ],
        cwd=ROOT,
        env=env,
        stdout=rasa_log.open("a"),
        stderr=subprocess.STDOUT,
    )
    wait_for_http(f"http://127.0.0.1:{rasa_port}/status", rasa, rasa_log)
    return Assistant(f"http://127.0.0.1:{rasa_port}", tmp), [rasa, actions]


def stop_servers(processes) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, wechat_api):
    """One assistant for the session with every channel on (WeChat's API is a local fake)."""
    running, processes = start_servers(tmp_path_factory.mktemp("servers"), wechat_env(wechat_api))
    yield running
    stop_servers(processes)
