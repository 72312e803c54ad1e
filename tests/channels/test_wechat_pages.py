"""Long replies on WeChat: every page within the 2048-byte limit, nothing lost, in the reply's language."""

from __future__ import annotations

import re

import pytest

import policy_rules
from channels.wechat_pages import WECHAT_TEXT_LIMIT_BYTES, asks_for_more, language_of_reply, pages, size
from tests.policy_rules.test_cases import CASES
from text_catalogue import LANGUAGES, say
from text_catalogue.decisions import decision_text, trace_text


def longest_reply(language: str) -> str:
    """The longest answer or "why?" any case of the rules gives in the language."""
    texts = []
    for rule_id, case in (param.values for param in CASES):
        if "outcome" in case:
            decision = policy_rules.evaluate(rule_id, case["inputs"], as_of=case.get("as_of"))
            texts += [decision_text(language, decision), trace_text(language, decision)]
    return max(texts, key=size)


def visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("with_hint", [True, False], ids=["pages wait for 'more'", "pages sent at once"])
def test_the_longest_reply_is_cut_into_pages_that_fit_and_lose_nothing(language, with_hint):
    reply = longest_reply(language)
    assert size(reply) > WECHAT_TEXT_LIMIT_BYTES  # the longest reply really needs cutting
    cut = pages(reply, with_hint)
    assert len(cut) > 1 and all(size(page) <= WECHAT_TEXT_LIMIT_BYTES for page in cut)
    hint = say(language, "channel.wechat_more_hint")
    assert all(page.endswith(hint) for page in cut[:-1]) == with_hint
    assert visible("".join(page.removesuffix(hint) for page in cut)) == visible(reply)


def test_a_short_reply_is_one_page_without_a_hint():
    assert pages("short answer", with_hint=True) == ["short answer"]


def test_a_paragraph_longer_than_a_page_is_cut_between_characters():
    cut = pages("医" * 1000, with_hint=False)
    assert [size(page) for page in cut] == [2046, 954]


@pytest.mark.parametrize(
    ("typed", "more"),
    [
        ("详细", True),
        ("更多。", True),
        (" More ", True),
        ("继续", True),
        ("next", True),
        ("详细说明一下断缴", False),
        ("more money please", False),
        ("1", False),
    ],
)
def test_asking_for_the_next_page(typed, more):
    assert asks_for_more(typed) is more


def test_the_language_of_a_reply():
    assert (language_of_reply("您的医保从2025年6月1日起恢复"), language_of_reply("From 1 June 2025")) == ("zh", "en")
