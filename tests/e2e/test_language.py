"""The conversation's language on the REST channel: what the citizen writes, or the message metadata."""

from __future__ import annotations

import uuid


def texts(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def test_the_language_in_the_metadata_wins_over_the_words(assistant):
    sender = f"test-{uuid.uuid4().hex[:10]}"
    assert "请问您想了解什么" in texts(assistant.say(sender, "hello there, good morning", {"language": "zh"}))


def test_messages_without_words_keep_the_language_of_the_conversation(assistant):
    sender = f"test-{uuid.uuid4().hex[:10]}"
    assert "您已经补缴了" in texts(assistant.say(sender, "医保断缴了，补交以后啥时候能用？"))
    assert "断缴了多长时间" in texts(assistant.say(sender, "/affirm"))
    assert "哪天补缴" in texts(assistant.say(sender, "100"))  # a bare number says nothing about the language
