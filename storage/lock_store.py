"""Conversation locks: in memory by default, in Redis when REDIS_URL names a server.

Several Rasa server processes behind one load balancer must share their locks,
so that two messages of one citizen are never handled at the same time.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore


def redis_lock_store(url: str) -> RedisLockStore:
    """A RedisLockStore from a URL such as redis://:password@host:6379/1 (rediss:// for TLS)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(f"REDIS_URL must start with redis:// or rediss://, not {parts.scheme}://")
    return RedisLockStore(
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
