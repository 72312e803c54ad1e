"""The Redis server that channel state shared between Rasa server processes lives in, when one is configured."""

from __future__ import annotations

import os
from typing import Any

import redis.asyncio


def configured_redis_url() -> str | None:
    """REDIS_URL, or None: then each process keeps such state in memory."""
    return os.environ.get("REDIS_URL", "").strip() or None


def redis_client(redis_url: str | None) -> Any:
    """An asyncio client of the server at `redis_url`, or None without one."""
    if not redis_url:
        return None
    return redis.asyncio.Redis.from_url(redis_url)
