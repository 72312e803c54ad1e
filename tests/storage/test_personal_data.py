"""Personal numbers are masked before a citizen's text is stored; dates and small numbers stay."""

import pytest

from storage.personal_data import mask_personal_data, mask_personal_numbers

CASES = [
    # name, typed, stored
    ("ID number, 18 digits", "my id is 110101199003071233 help", "my id is [ID number] help"),
    ("ID number ending in X", "ID 11010119900307109X", "ID [ID number]"),
    ("ID number ending in small x", "id:11010119900307109x.", "id:[ID number]."),
    ("old 15-digit ID number", "身份证 110101900307123", "身份证 [ID number]"),
    ("mobile number", "call me on 13812345678", "call me on [phone number]"),
    ("mobile number with spaces", "138 1234 5678 is my phone", "[phone number] is my phone"),
    ("mobile number with dashes and +86", "+86-138-1234-5678", "[phone number]"),
    ("bank card, 16 digits", "card 6222021234567894", "card [bank card number]"),
    ("bank card, 19 digits in groups", "6222 0212 3456 7890 128 is the card", "[bank card number] is the card"),
    ("landline", "tel 010-12345678", "tel [number]"),
    ("seven digits are already masked", "number 1234567", "number [number]"),
    ("six digits are kept", "I paid 123456 yuan", "I paid 123456 yuan"),
    ("an ISO date is kept", "paid back on 2026-03-15", "paid back on 2026-03-15"),
    ("a slashed date is kept", "on 2026/3/15 I paid", "on 2026/3/15 I paid"),
    ("durations are kept", "I missed 100 days", "I missed 100 days"),
    ("two numbers in one message", "13812345678 and 6222021234567894", "[phone number] and [bank card number]"),
    ("Chinese text around the number", "我的手机13812345678谢谢", "我的手机[phone number]谢谢"),
    (
        "ID number in the middle of a Chinese sentence",
        "我的身份证号是110101199003071233，请帮我查一下",
        "我的身份证号是[ID number]，请帮我查一下",
    ),
    ("mobile with +86 run into Chinese text", "手机+8613812345678联系我", "手机[phone number]联系我"),
    ("mobile with +86 and spaces after a Chinese colon", "手机号：+86 138 1234 5678", "手机号：[phone number]"),
    ("bank card in Chinese text", "银行卡号6222021234567890128已经绑定", "银行卡号[bank card number]已经绑定"),
    ("a Chinese date is kept", "我于2025年3月10日补缴了", "我于2025年3月10日补缴了"),
    # The check digits decide the label (python-stdnum); a number that fails them is masked all the same.
    ("ID number with a wrong check digit", "id 110101199003071234", "id [number]"),
    ("card number failing Luhn", "card 6222021234567890", "card [number]"),
]

# What a channel passes into a conversation: personal numbers masked, amounts and compact dates kept.
CONVERSATION_CASES = [
    ("ID number", "我的身份证110105199003071239", "我的身份证[ID number]"),
    ("ID number with spaces", "110105 19900307 1239 is my id", "[ID number] is my id"),
    ("old 15-digit ID number", "身份证 110101900307123", "身份证 [ID number]"),
    ("mobile with +86", "call +86 138 1234 5678", "call [phone number]"),
    ("bank card in groups", "6222-0212-3456-7894", "[bank card number]"),
    ("a mistyped ID number is still too long to keep", "id 110101199003071234", "id [number]"),
    ("a very long number", "1" * 40, "[number]"),
    ("an amount is kept", "I earn 1200000 a year", "I earn 1200000 a year"),
    ("a compact date is kept", "stopped on 20260315", "stopped on 20260315"),
    ("durations are kept", "断缴了100天", "断缴了100天"),
]


@pytest.mark.parametrize("typed, stored", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_personal_numbers_are_masked(typed, stored):
    assert mask_personal_data(typed) == stored


@pytest.mark.parametrize(
    "typed, passed_on", [case[1:] for case in CONVERSATION_CASES], ids=[case[0] for case in CONVERSATION_CASES]
)
def test_personal_numbers_are_masked_before_a_conversation_sees_them(typed, passed_on):
    assert mask_personal_numbers(typed) == passed_on
