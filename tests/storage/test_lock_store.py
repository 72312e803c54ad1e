"""REDIS_URL switches the conversation locks from memory to a real Redis server."""

import asyncio
import time

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from storage.lock_store import EnvironmentLockStore, redis_lock_store


def test_without_redis_url_locks_are_in_memory(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert isinstance(EnvironmentLockStore(endpoint_config=None), InMemoryLockStore)


async def test_two_servers_share_one_conversation_lock_in_redis(monkeypatch, redis_url):
    monkeypatch.setenv("REDIS_URL", redis_url)
    first, second = EnvironmentLockStore(endpoint_config=None), EnvironmentLockStore(endpoint_config=None)
    assert isinstance(first, RedisLockStore)
    async with first.lock("citizen-1"):
        waiting = second.issue_ticket("citizen-1")
        assert second.get_lock("citizen-1").is_locked(waiting)  # the other server must wait its turn
    assert not second.get_lock("citizen-1").is_locked(waiting)  # released: now it is served
    second.cleanup("citizen-1", waiting)
    assert first.get_lock("citizen-1") is None


async def test_a_message_behind_one_of_a_dead_server_is_served_when_that_ticket_expires(redis_url):
    """The dead server's ticket and the waiting one's both past their lifetime at one poll (Rasa then waited
    forever): the waiting message is served, and the lock is gone after it."""
    store = redis_lock_store(redis_url)
    dead = store.issue_ticket("citizen-2")
    waiting = store.issue_ticket("citizen-2")
    lock = store.get_lock("citizen-2")
    for ticket in lock.tickets:
        ticket.expires = time.time() - 0.1
    store.save_lock(lock)
    assert lock.is_locked(waiting) and dead != waiting
    acquired = await asyncio.wait_for(store._acquire_lock("citizen-2", waiting, 0.01), 10)
    assert not acquired.is_locked(waiting)
    store.cleanup("citizen-2", waiting)
    assert store.get_lock("citizen-2") is None


def test_redis_url_parts_reach_the_client():
    store = redis_lock_store("rediss://user:p%40ss@cache.example:6380/3")
    kwargs = store.red.connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["db"], kwargs["username"], kwargs["password"]) == (
        "cache.example",
        6380,
        3,
        "user",
        "p@ss",
    )


def test_a_redis_url_with_another_scheme_is_refused():
    with pytest.raises(ValueError, match="redis://"):
        redis_lock_store("http://cache.example:6379")
