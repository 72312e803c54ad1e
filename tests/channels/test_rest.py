"""The REST channel's checks, on its request handler with a stand-in for Rasa (no model, no server)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels.guard import MAX_MESSAGE_CHARS, MAX_SENDER_CHARS
from channels.rest import MAX_BODY_BYTES, GuardedRestInput, authorised
from text_catalogue import say


class StandInRasa:
    """Records what reaches a conversation and answers "ok"; trackers for the payload check."""

    def __init__(self, trackers: dict[str, DialogueStateTracker] | None = None, fails: bool = False) -> None:
        self.received: list[tuple[str, str]] = []
        self.fails = fails
        self.tracker_store = SimpleNamespace(retrieve=self.retrieve)
        self.trackers = trackers or {}

    async def retrieve(self, conversation: str) -> DialogueStateTracker | None:
        return self.trackers.get(conversation)

    async def on_new_message(self, message) -> None:
        if self.fails:
            raise RuntimeError("the database is read-only")
        self.received.append((message.sender_id, message.text))
        await message.output_channel.send_text_message(message.sender_id, "ok")


async def post(body, rasa: StandInRasa | None = None) -> tuple[int, object]:
    rasa = rasa or StandInRasa()
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await GuardedRestInput().answer(raw, rasa, rasa.on_new_message)


async def test_a_well_formed_message_is_answered_like_rasas_rest_channel():
    rasa = StandInRasa()
    status, replies = await post({"sender": "citizen-1", "message": "hello", "metadata": {"language": "en"}}, rasa)
    assert (status, replies) == (200, [{"recipient_id": "citizen-1", "text": "ok"}])
    assert rasa.received == [("rest:citizen-1", "hello")]  # namespaced: REST cannot address a WeChat OpenID


async def test_a_numeric_sender_is_accepted_as_rasa_did():
    rasa = StandInRasa()
    assert (await post({"sender": 42, "message": "hi"}, rasa))[0] == 200
    assert rasa.received == [("rest:42", "hi")]


@pytest.mark.parametrize(
    "raw, error",
    [
        (b"{not json", "invalid_json"),
        (b"\xff\xfe{}", "invalid_json"),
        (b"", "invalid_json"),
        (b"[" * 100_000, "invalid_json"),
        (b'["sender", "message"]', "not_an_object"),
        (b'"hello"', "not_an_object"),
        (b'{"message": "hi"}', "invalid_sender"),
        (b'{"sender": "", "message": "hi"}', "invalid_sender"),
        (b'{"sender": "   ", "message": "hi"}', "invalid_sender"),
        (b'{"sender": null, "message": "hi"}', "invalid_sender"),
        (b'{"sender": true, "message": "hi"}', "invalid_sender"),
        (b'{"sender": {"id": 1}, "message": "hi"}', "invalid_sender"),
        (b'{"sender": "a\\u0000b", "message": "hi"}', "invalid_sender"),
        (b'{"sender": "\\ud800", "message": "hi"}', "invalid_sender"),
        (json.dumps({"sender": "x" * (MAX_SENDER_CHARS + 1), "message": "hi"}).encode(), "invalid_sender"),
        (b'{"sender": "me"}', "invalid_message"),
        (b'{"sender": "me", "message": 5}', "invalid_message"),
        (b'{"sender": "me", "message": "hi", "metadata": "en"}', "invalid_metadata"),
    ],
    ids=lambda value: value[:40] if isinstance(value, bytes) else value,
)
async def test_malformed_requests_are_400_and_reach_no_conversation(raw, error):
    rasa = StandInRasa()
    assert await post(raw, rasa) == (400, {"error": error})
    assert rasa.received == []


async def test_an_oversized_body_is_413():
    assert (await post(b" " * (MAX_BODY_BYTES + 1)))[0] == 413


@pytest.mark.parametrize("language, text", [("en", "1" * 100_000), ("zh", "医保" * 1500)])
async def test_a_message_too_long_gets_please_shorten_and_is_not_parsed(language, text):
    rasa = StandInRasa()
    status, replies = await post({"sender": "me", "message": text}, rasa)
    assert (status, replies) == (
        200,
        [{"recipient_id": "me", "text": say(language, "channel.message_too_long", limit=MAX_MESSAGE_CHARS)}],
    )
    assert rasa.received == []


@pytest.mark.parametrize("text", ["", "   ", "\u0000\u0001", "/"])
async def test_an_empty_message_gets_a_prompt_and_is_not_parsed(text):
    rasa = StandInRasa()
    assert await post({"sender": "me", "message": text}, rasa) == (
        200,
        [{"recipient_id": "me", "text": say("en", "channel.message_empty")}],
    )
    assert rasa.received == []


async def test_a_fault_gets_an_apology_with_the_hotline():
    status, replies = await post(
        {"sender": "me", "message": "hello", "metadata": {"language": "zh"}}, StandInRasa(fails=True)
    )
    assert (status, replies) == (200, [{"recipient_id": "me", "text": say("zh", "channel.fault_apology")}])
    assert "12333" in replies[0]["text"]


async def test_a_turn_that_ends_in_silence_gets_the_apology_too():
    async def silent(message) -> None:
        return None  # what Rasa does when the action server cannot be reached: it logs and says nothing

    status, replies = await GuardedRestInput().answer(b'{"sender": "me", "message": "hi"}', None, silent)
    assert (status, replies) == (200, [{"recipient_id": "me", "text": say("en", "channel.fault_apology")}])


@pytest.mark.parametrize(
    "typed, received",
    [
        ("my id 110105199003071239 and phone +86 138 1234 5678", "my id [ID number] and phone [phone number]"),
        ("卡号6222021234567894", "卡号[bank card number]"),
        ("bad\u0000bytes \ud83d here", "badbytes \ufffd here"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("'; DROP TABLE events; --", "'; DROP TABLE events; --"),
    ],
    ids=["numbers in English", "card in Chinese", "control character and lone surrogate", "markup", "SQL-looking"],
)
async def test_what_reaches_the_conversation_is_cleaned_and_masked(typed, received):
    rasa = StandInRasa()
    assert (await post({"sender": "me", "message": typed}, rasa))[0] == 200
    assert rasa.received == [("rest:me", received)]


def tracker_offering(payloads: list[str]) -> DialogueStateTracker:
    buttons = [{"title": payload, "payload": payload} for payload in payloads]
    return DialogueStateTracker.from_events(
        "rest:me", [UserUttered("hi"), BotUttered("choose", data={"buttons": buttons})]
    )


@pytest.mark.parametrize(
    "typed, received",
    [
        ('/choose_topic{"topic": "transfer"}', '/choose_topic{"topic": "transfer"}'),
        ("/restart", "restart"),
        ("/session_start", "session_start"),
        ('//inform{"back_paid": true}', 'inform{"back_paid": true}'),
        ("/greet", "/greet"),
        ('/switch_language{"language": "zh"}', '/switch_language{"language": "zh"}'),
        ("/greetings_and_restart", "greetings_and_restart"),
    ],
    ids=[
        "an offered button",
        "restart",
        "session start",
        "an intent with entities",
        "the harmless greeting",
        "the page's language switch",
        "an intent that only starts like a harmless one",
    ],
)
async def test_typed_payloads_are_commands_only_when_offered(typed, received):
    rasa = StandInRasa({"rest:me": tracker_offering(['/choose_topic{"topic": "transfer"}'])})
    assert (await post({"sender": "me", "message": typed}, rasa))[0] == 200
    assert rasa.received == [("rest:me", received)]


async def test_a_payload_offered_to_one_sender_is_text_for_another():
    rasa = StandInRasa({"rest:me": tracker_offering(["/affirm"])})
    await post({"sender": "someone-else", "message": "/affirm"}, rasa)
    assert rasa.received == [("rest:someone-else", "affirm")]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
BODIES = st.one_of(
    st.binary(max_size=300),
    JSON.map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries(
        {"sender": JSON | st.text(max_size=200), "message": JSON | st.text(max_size=3000)},
        optional={"metadata": JSON},
    ).map(lambda value: json.dumps(value).encode()),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(BODIES)
async def test_no_body_makes_the_channel_fail(raw):
    status, body = await post(raw)
    assert status in (200, 400, 413)
    if status == 200:
        assert isinstance(body, list) and all(isinstance(reply.get("text"), str) for reply in body)


def test_without_rest_token_the_channel_is_public(monkeypatch):
    monkeypatch.delenv("REST_TOKEN", raising=False)
    assert authorised("")


def test_with_rest_token_a_request_needs_it(monkeypatch):
    monkeypatch.setenv("REST_TOKEN", "s3cret")
    assert authorised("Bearer s3cret")
    assert not authorised("") and not authorised("Bearer wrong") and not authorised("s3cret")


async def test_a_turn_the_database_could_not_keep_gets_the_apology(monkeypatch):
    from storage import tracker_store

    async def turn_not_saved(message) -> None:
        await message.output_channel.send_text_message(message.sender_id, "an answer kept only in memory")
        tracker_store.FAILED_CONVERSATIONS.add(message.sender_id)  # what DatabaseTrackerStore.save records

    status, replies = await GuardedRestInput().answer(b'{"sender": "me", "message": "hi"}', None, turn_not_saved)
    assert (status, replies) == (200, [{"recipient_id": "me", "text": say("en", "channel.fault_apology")}])
    assert not tracker_store.failed("rest:me")  # told once
