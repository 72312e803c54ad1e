"""Faults of the production shape, on real processes: two Rasa replicas behind nginx, PostgreSQL, Redis,
two action servers (tests/cluster/conftest.py starts them once). The tests run in this order; each
one that breaks a server restores it, except the last, after which the cluster stops."""

from __future__ import annotations

import signal
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.cluster.conftest import SlowActionServer, eventually, say, stored_user_texts, text_of
from tests.e2e.wechat_client import WAITING_PERIOD_QUESTION, WeChatEndpoint, message_xml, passive_reply_text
from text_catalogue import say as catalogue

# The waiting-period form across four turns, and what its last reply must say (TODAY is 2026-11-22).
WAITING_PERIOD_TURNS = ["when can i use my insurance again after missing payments", "yes", "100 days", "June 2026"]
WAITING_PERIOD_ANSWER = "1 September 2026"
QUESTION_ANSWER = "pays your benefits again from 1 April 2025"  # of WAITING_PERIOD_QUESTION: one turn, one action
SLOW_SECONDS = 8  # far beyond WeChat's 5 s


def new_sender(kind: str) -> str:
    return f"{kind}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def wechat(cluster, wechat_api):
    return WeChatEndpoint(f"{cluster.url}/webhooks/wechat/", cluster.url, wechat_api)


def test_consecutive_messages_on_different_replicas_continue_the_conversation(cluster):
    sender = new_sender("round-robin")
    answered_by = []
    for turn in WAITING_PERIOD_TURNS:
        replies, replica = say(cluster.url, sender, turn)
        answered_by.append(replica)
    assert set(answered_by) == {cluster.address(name) for name in cluster.replicas}
    assert WAITING_PERIOD_ANSWER in text_of(replies)
    assert stored_user_texts(cluster, f"rest:{sender}") == WAITING_PERIOD_TURNS


def test_wechat_through_nginx_and_a_retry_on_the_other_replica_starts_no_second_turn(cluster, wechat):
    open_id = new_sender("o-citizen")
    query = wechat.signed_query()
    xml = message_xml(open_id, Content=WAITING_PERIOD_QUESTION, msg_id=uuid.uuid4().int % 10**18)
    first = requests.post(wechat.url, params=query, data=xml.encode(), timeout=30)
    assert QUESTION_ANSWER in passive_reply_text(first.text)
    replica = first.headers["X-Upstream"]
    other = next(cluster.address(name) for name in cluster.replicas if cluster.address(name) != replica)
    retry = requests.post(f"http://{other}/webhooks/wechat/", params=query, data=xml.encode(), timeout=30)
    assert retry.status_code == 200 and passive_reply_text(retry.text) == ""  # "success": the first replica answers
    assert stored_user_texts(cluster, f"wechat:{open_id}") == [WAITING_PERIOD_QUESTION]


def test_one_slow_action_server_costs_no_citizen_the_wechat_window(cluster, wechat):
    """nginx gives the action call to the other action server after 2 s: every passive reply (sent within
    the channel's 4 s, else it would be "success") is the answer, for every conversation meanwhile."""
    slow = cluster.action_servers[-1]
    cluster.kill(slow, signal.SIGTERM)
    healthy = f"http://{cluster.address(cluster.action_servers[0])}"
    try:
        with SlowActionServer(cluster.ports[slow], SLOW_SECONDS, backend=healthy), ThreadPoolExecutor(6) as pool:
            citizens = [new_sender("o-slow") for _ in range(6)]
            replies = list(pool.map(lambda open_id: wechat.send_text(open_id, WAITING_PERIOD_QUESTION), citizens))
        assert all(QUESTION_ANSWER in reply for reply in replies), replies
    finally:
        cluster.restart(slow)


def test_every_action_server_slow_the_citizen_gets_an_apology_within_the_window(cluster, wechat):
    """Rasa gives a turn's action calls ACTION_TIMEOUT_SECONDS (3 s here), not its own 5 minutes per call."""
    names = cluster.action_servers
    for name in names:
        cluster.kill(name, signal.SIGTERM)
    try:
        with (
            SlowActionServer(cluster.ports[names[0]], SLOW_SECONDS),
            SlowActionServer(cluster.ports[names[1]], SLOW_SECONDS),
        ):
            assert wechat.send_text(new_sender("o-slow"), WAITING_PERIOD_QUESTION) == catalogue(
                "zh", "channel.wechat_something_went_wrong"
            )
            replies, _ = say(cluster.url, new_sender("all-slow"), WAITING_PERIOD_QUESTION)
            assert text_of(replies) == catalogue("en", "channel.fault_apology")
    finally:
        for name in names:
            cluster.restart(name)
    answers_again(cluster)


def answers_again(cluster) -> None:
    """Poll until a new conversation gets its real answer (nginx leaves a failed server out for 10 s)."""
    eventually(
        lambda: QUESTION_ANSWER in text_of(say(cluster.url, new_sender("again"), WAITING_PERIOD_QUESTION)[0]),
        60,
        "the cluster answers again",
    )


def test_redis_down_is_a_clear_error_not_a_hang(cluster):
    logs = [cluster.logs / f"{name}.log" for name in cluster.replicas]
    logged_before = [log.stat().st_size for log in logs]
    cluster.kill("redis")
    try:
        replies, _ = say(cluster.url, new_sender("no-redis"), WAITING_PERIOD_QUESTION)
        assert text_of(replies) == catalogue("en", "channel.fault_apology")
        logged = "".join(log.read_text()[size:] for log, size in zip(logs, logged_before, strict=True))
        assert "LockError: Error while acquiring lock" in logged and "Connection refused" in logged
    finally:
        cluster.restart("redis")
    answers_again(cluster)


def test_postgresql_restarted_requests_fail_cleanly_meanwhile_and_nothing_stored_is_lost(cluster):
    sender = new_sender("pg-restart")
    for turn in WAITING_PERIOD_TURNS[:3]:
        say(cluster.url, sender, turn)
    stored = stored_user_texts(cluster, f"rest:{sender}")
    cluster.kill("postgres")
    try:
        for replica in cluster.replicas:  # each replica says so, and at once
            replies, _ = say(f"http://{cluster.address(replica)}", new_sender("no-pg"), WAITING_PERIOD_QUESTION)
            assert text_of(replies) == catalogue("en", "channel.fault_apology")
    finally:
        cluster.restart("postgres")
    answers_again(cluster)
    assert stored_user_texts(cluster, f"rest:{sender}") == stored == WAITING_PERIOD_TURNS[:3]
    replies, _ = say(cluster.url, sender, WAITING_PERIOD_TURNS[3])  # the form goes on where it was
    assert WAITING_PERIOD_ANSWER in text_of(replies)


def test_killing_a_replica_mid_load_loses_no_conversation(cluster):
    """Citizens talk while one replica is killed: nginx gives its requests to the other replica."""
    citizens = [new_sender("mid-load") for _ in range(6)]
    answered = threading.Semaphore(0)

    def converse(sender: str) -> str:
        last = ""
        for turn in WAITING_PERIOD_TURNS:
            last = text_of(say(cluster.url, sender, turn)[0])
            answered.release()
        return last

    with ThreadPoolExecutor(len(citizens)) as pool:
        conversations = [pool.submit(converse, sender) for sender in citizens]
        for _ in range(len(citizens)):  # a reply each first: the load is under way
            assert answered.acquire(timeout=120)
        cluster.kill(cluster.replicas[-1])
        answers = [conversation.result(timeout=300) for conversation in conversations]
    assert all(WAITING_PERIOD_ANSWER in answer for answer in answers), answers
    for sender in citizens:
        assert stored_user_texts(cluster, f"rest:{sender}") == WAITING_PERIOD_TURNS
