"""One cluster for the session (two Rasa replicas load their model side by side in about a minute):
deploy.cluster's Cluster on loopback, with WeChat on (its API a local fake) and "today" fixed."""

from __future__ import annotations

import asyncio
import json
import shutil
import threading
import time
from collections.abc import Callable

import aiohttp
import pytest
import requests
import sqlalchemy as sa
from aiohttp import web

from deploy.cluster import MODEL, ROOT, Cluster
from deploy.local_servers import MissingServer
from tests.e2e.conftest import TODAY
from tests.e2e.wechat_client import wechat_env

HOME = ROOT / "build" / "cluster-tests"  # not build/cluster: `make cluster` may be running meanwhile
ANSWER_SECONDS = 60  # a turn whose replica died waits for the dead replica's lock to expire (20 s)


@pytest.fixture(scope="session")
def cluster(wechat_api):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first (make test does)")
    # 3 s for a turn's action calls: a slow action server's apology then comes within WeChat's window.
    settings = {"ASSISTANT_TODAY": TODAY, "ACTION_TIMEOUT_SECONDS": "3", **wechat_env(wechat_api)}
    running = Cluster(home=HOME, settings=settings)
    running.stop()  # what a crashed run left, by its pid files
    for earlier in ("postgres", "logs"):  # a new database and new logs (those of the last run stay for reading)
        shutil.rmtree(HOME / earlier, ignore_errors=True)
    try:
        running.start(replicas=2, actions=2)
    except MissingServer as missing:
        pytest.fail(f"{missing} (.ci/run installs it)")
    yield running
    running.stop()


def say(url: str, sender: str, message: str) -> tuple[list[dict], str]:
    """The REST replies and the replica that gave them (nginx's X-Upstream; the last one it tried)."""
    response = requests.post(
        f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=ANSWER_SECONDS
    )
    response.raise_for_status()
    return response.json(), response.headers.get("X-Upstream", "").split(", ")[-1]


def text_of(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def stored_user_texts(cluster: Cluster, conversation: str) -> list[str]:
    """What the tracker store (PostgreSQL) holds of a conversation's incoming messages."""
    engine = sa.create_engine(cluster.database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("select data from events where sender_id = :c and type_name = 'user' order by id"),
                {"c": conversation},
            ).scalars()
            return [json.loads(row)["text"] for row in rows]
    finally:
        engine.dispose()


def eventually(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds}s: {what}")
        time.sleep(0.5)


class SlowActionServer:
    """Stands in for an action server on its port (test-only): every call is answered after `delay` seconds,
    by the real action server at `backend`, or with 503 when there is none."""

    def __init__(self, port: int, delay: float, backend: str | None = None) -> None:
        self.port, self.delay, self.backend = port, delay, backend
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> SlowActionServer:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.start(), self.loop).result(timeout=10)
        return self

    def __exit__(self, *_exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self.answer)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port, shutdown_timeout=0.5).start()

    async def answer(self, request: web.Request) -> web.Response:
        await asyncio.sleep(self.delay)
        if self.backend is None:
            return web.Response(status=503)
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                request.method,
                self.backend + request.path_qs,
                data=await request.read(),
                headers={"Content-Type": request.content_type},
            ) as reply,
        ):
            return web.Response(body=await reply.read(), status=reply.status, content_type=reply.content_type)
