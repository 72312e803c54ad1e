"""Pages of a long WeChat reply not sent yet, per OpenID, until the citizen asks for "more".

In memory by default; in Redis when REDIS_URL names a server, so that "more" finds them
whichever Rasa server behind the load balancer it reaches.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from channels.redis_client import configured_redis_url, redis_client

KEY_PREFIX = "assistant:pages:"
KEPT_SECONDS = 24 * 3600  # a citizen who asks for more a day later has long moved on


class WaitingPages:
    def __init__(self, redis_url: str | None = None, max_remembered: int = 10_000) -> None:
        self.remembered: OrderedDict[str, list[str]] = OrderedDict()
        self.max_remembered = max_remembered
        self.redis: Any = redis_client(redis_url)

    @classmethod
    def from_environment(cls) -> WaitingPages:
        return cls(configured_redis_url())

    async def keep(self, open_id: str, pages: list[str]) -> None:
        """The pages still to send to `open_id` (replacing any left from an earlier reply)."""
        if self.redis is not None:
            async with self.redis.pipeline(transaction=True) as pipeline:
                pipeline.delete(KEY_PREFIX + open_id)
                if pages:
                    pipeline.rpush(KEY_PREFIX + open_id, *pages).expire(KEY_PREFIX + open_id, KEPT_SECONDS)
                await pipeline.execute()
            return
        self.remembered.pop(open_id, None)
        if pages:
            self.remembered[open_id] = list(pages)
        while len(self.remembered) > self.max_remembered:
            self.remembered.popitem(last=False)

    async def next_page(self, open_id: str) -> str | None:
        """The next page for `open_id`, taken off the list; None when none is waiting."""
        if self.redis is not None:
            page = await self.redis.lpop(KEY_PREFIX + open_id)
            return page.decode() if page is not None else None
        waiting = self.remembered.get(open_id)
        return waiting.pop(0) if waiting else None
