"""Pages waiting for "more": in memory, and shared by two server processes through a real Redis server."""

from __future__ import annotations

from channels.waiting_pages import WaitingPages


async def test_pages_come_in_order_then_none():
    waiting = WaitingPages()
    await waiting.keep("o-1", ["page 2", "page 3"])
    assert [await waiting.next_page("o-1") for _ in range(3)] == ["page 2", "page 3", None]
    assert await waiting.next_page("o-other") is None


async def test_a_new_reply_replaces_the_pages_left_from_the_last():
    waiting = WaitingPages()
    await waiting.keep("o-1", ["old 2", "old 3"])
    await waiting.keep("o-1", [])  # a one-page reply: nothing waits any more
    assert await waiting.next_page("o-1") is None


async def test_the_oldest_citizens_make_room_when_full():
    waiting = WaitingPages(max_remembered=2)
    for open_id in ("a", "b", "c"):
        await waiting.keep(open_id, ["next"])
    assert list(waiting.remembered) == ["b", "c"]


async def test_more_reaching_the_other_server_finds_the_pages(redis_url):
    """Two Rasa servers behind one load balancer: one answered, the other gets "more"."""
    answered, asked = WaitingPages(redis_url), WaitingPages(redis_url)
    await answered.keep("o-2", ["page 2", "page 3"])
    assert await asked.next_page("o-2") == "page 2"
    assert await answered.next_page("o-2") == "page 3"
    await answered.keep("o-2", ["new 2"])
    await answered.keep("o-2", [])
    assert await asked.next_page("o-2") is None
