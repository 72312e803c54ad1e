"""Buttons on text-only channels: numbered options, answered with the number."""

import pytest

from channels.numbered_options import buttons_of_last_turn, chosen_payload, option_number, reply_text
from text_catalogue import say

OPTIONS_HEADER = say("en", "channel.numbered_options_header")

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def test_one_turn_becomes_one_text_with_options_numbered_across_messages():
    text = reply_text(
        [
            {"text": "Have you paid?", "buttons": YES_NO},
            {"text": "Or ask:", "buttons": [{"title": "Talk to a person", "payload": "/request_human"}]},
        ]
    )
    assert text == (
        f"Have you paid?\n\n{OPTIONS_HEADER}\n1. Yes\n2. No\n\nOr ask:\n\n{OPTIONS_HEADER}\n3. Talk to a person"
    )


def test_a_turn_without_buttons_is_just_its_texts():
    assert reply_text([{"text": "First."}, {"text": "Second."}]) == "First.\n\nSecond."


@pytest.mark.parametrize(
    "typed, number",
    [
        ("1", 1),
        (" 2 ", 2),
        ("2.", 2),
        ("１", 1),
        ("3)", 3),
        ("12", 12),
        ("100", None),
        ("1 day", None),
        ("one", None),
        ("", None),
        ("-1", None),
    ],
)
def test_only_a_bare_number_is_an_option_number(typed, number):
    assert option_number(typed) == number


@pytest.mark.parametrize("number, payload", [(1, "/affirm"), (2, "/deny"), (0, None), (3, None)])
def test_a_number_picks_its_button_or_nothing(number, payload):
    assert chosen_payload(number, YES_NO) == payload


def test_the_options_are_those_sent_since_the_last_message():
    events = [
        {"event": "bot", "data": {"buttons": [{"title": "Old", "payload": "/old"}]}},
        {"event": "user", "text": "yes"},
        {"event": "action", "name": "utter_ask_gap_days"},
        {"event": "bot", "data": {"buttons": YES_NO[:1]}},
        {"event": "bot", "data": {}},
        {"event": "bot", "data": {"buttons": YES_NO[1:]}},
    ]
    assert buttons_of_last_turn(events) == YES_NO
