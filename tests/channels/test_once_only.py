"""Claims hold once: in memory, and across processes through a real Redis server."""

from __future__ import annotations

from channels.once_only import OnceOnly
from tests.servers import throwaway_redis


async def test_a_key_is_claimed_once_and_tells_who_claimed_it():
    once = OnceOnly()
    assert await once.claim("nonce:abc", "body-1", 300) is None
    assert await once.claim("nonce:abc", "body-2", 300) == "body-1"
    assert await once.claim("nonce:other", "body-2", 300) is None


async def test_a_claim_expires_after_its_window():
    once = OnceOnly()
    assert await once.claim("k", "v", 0) is None
    assert await once.claim("k", "w", 300) is None  # the first claim had no time left


async def test_the_oldest_claims_make_room_when_full():
    once = OnceOnly(max_remembered=2)
    for key in ("a", "b", "c"):
        await once.claim(key, key, 300)
    assert list(once.remembered) == ["b", "c"]


async def test_two_processes_sharing_redis_claim_a_key_once():
    with throwaway_redis() as url:
        first, second = OnceOnly(url), OnceOnly(url)  # two Rasa server processes
        assert await first.claim("msg:o-1:42", "turn", 60) is None
        assert await second.claim("msg:o-1:42", "turn", 60) == "turn"
        await first.redis.close()
        await second.redis.close()
