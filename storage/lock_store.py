"""Conversation locks: in memory by default, in Redis when REDIS_URL names a server.

Several Rasa server processes behind one load balancer must share their locks,
so that two messages of one citizen are never handled at the same time.
"""

from __future__ import annotations

import os
import time
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core import lock_store as rasa_lock_store
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore


class WaitersKeepTheirTurnLockStore(RedisLockStore):
    """Rasa's Redis lock store, except that a message waiting for its turn keeps its ticket alive.

    Rasa counts a ticket's lifetime (TICKET_LOCK_LIFETIME) from when it was issued, waiting included.
    When the message being handled was on a server that died, its ticket expires after that lifetime;
    a message of the same citizen that arrived less than a poll (1 s) later expired in the same poll, and
    Rasa then left it waiting forever behind an empty lock (nginx gave up after 60 s). Here every waiting
    ticket is renewed at each poll, so the lifetime bounds the handling of a message, not its wait.
    """

    def update_lock(self, conversation_id: str) -> None:
        lock = self.get_lock(conversation_id)
        if lock:
            renewed = time.time() + rasa_lock_store.LOCK_LIFETIME
            for waiting in list(lock.tickets)[1:]:
                waiting.expires = max(waiting.expires, renewed)
            lock.remove_expired_tickets()
            self.save_lock(lock)


def redis_lock_store(url: str) -> RedisLockStore:
    """A RedisLockStore from a URL such as redis://:password@host:6379/1 (rediss:// for TLS)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(f"REDIS_URL must start with redis:// or rediss://, not {parts.scheme}://")
    return WaitersKeepTheirTurnLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(parts.path.strip("/") or 1),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
    )


class EnvironmentLockStore:
    """Named in endpoints.yml; builds the lock store that REDIS_URL asks for.

    Rasa instantiates a custom lock store class with the endpoint's settings;
    returning another store from __new__ lets the choice wait until start-up.
    """

    def __new__(cls, endpoint_config: Any = None) -> LockStore:
        url = os.environ.get("REDIS_URL", "").strip()
        return redis_lock_store(url) if url else InMemoryLockStore()
