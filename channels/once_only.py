"""Claims that hold once within a time window: WeChat nonces and deliveries (sender + MsgId).

In memory by default; in Redis when REDIS_URL names a server, so that several Rasa
server processes behind one load balancer refuse a replayed nonce and start a retried
delivery once between them.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from channels.redis_client import configured_redis_url, redis_client

KEY_PREFIX = "assistant:once:"


class OnceOnly:
    def __init__(self, redis_url: str | None = None, max_remembered: int = 100_000) -> None:
        self.remembered: OrderedDict[str, tuple[float, str]] = OrderedDict()  # key -> (expires at, value)
        self.max_remembered = max_remembered
        self.redis: Any = redis_client(redis_url)

    @classmethod
    def from_environment(cls) -> OnceOnly:
        return cls(configured_redis_url())

    async def claim(self, key: str, value: str, seconds: int) -> str | None:
        """None when `key` was free (now claimed with `value` for `seconds`), else the value that claimed it."""
        if self.redis is not None:
            if await self.redis.set(KEY_PREFIX + key, value, nx=True, ex=seconds):
                return None
            earlier = await self.redis.get(KEY_PREFIX + key)
            return earlier.decode() if earlier is not None else None
        now = time.monotonic()
        while self.remembered and (next(iter(self.remembered.values()))[0] < now or self._full()):
            self.remembered.popitem(last=False)
        earlier = self.remembered.get(key)
        if earlier is not None and earlier[0] >= now:
            return earlier[1]
        self.remembered[key] = (now + seconds, value)
        return None

    def _full(self) -> bool:
        return len(self.remembered) >= self.max_remembered
