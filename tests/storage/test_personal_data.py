"""Personal numbers are masked before a citizen's text is stored; dates and small numbers stay."""

import pytest

from storage.personal_data import mask_personal_data

CASES = [
    # name, typed, stored
    ("ID number, 18 digits", "my id is 110101199003071234 help", "my id is [ID number] help"),
    ("ID number ending in X", "ID 11010119900307123X", "ID [ID number]"),
    ("ID number ending in small x", "id:11010119900307123x.", "id:[ID number]."),
    ("old 15-digit ID number", "身份证 110101900307123", "身份证 [ID number]"),
    ("mobile number", "call me on 13812345678", "call me on [phone number]"),
    ("mobile number with spaces", "138 1234 5678 is my phone", "[phone number] is my phone"),
    ("mobile number with dashes and +86", "+86-138-1234-5678", "[phone number]"),
    ("bank card, 16 digits", "card 6222021234567890", "card [bank card number]"),
    ("bank card, 19 digits in groups", "6222 0212 3456 7890 123 is the card", "[bank card number] is the card"),
    ("landline", "tel 010-12345678", "tel [number]"),
    ("seven digits are already masked", "number 1234567", "number [number]"),
    ("six digits are kept", "I paid 123456 yuan", "I paid 123456 yuan"),
    ("an ISO date is kept", "paid back on 2026-03-15", "paid back on 2026-03-15"),
    ("a slashed date is kept", "on 2026/3/15 I paid", "on 2026/3/15 I paid"),
    ("durations are kept", "I missed 100 days", "I missed 100 days"),
    ("two numbers in one message", "13812345678 and 6222021234567890", "[phone number] and [bank card number]"),
    ("Chinese text around the number", "我的手机13812345678谢谢", "我的手机[phone number]谢谢"),
    (
        "ID number in the middle of a Chinese sentence",
        "我的身份证号是110101199003071234，请帮我查一下",
        "我的身份证号是[ID number]，请帮我查一下",
    ),
    ("mobile with +86 run into Chinese text", "手机+8613812345678联系我", "手机[phone number]联系我"),
    ("mobile with +86 and spaces after a Chinese colon", "手机号：+86 138 1234 5678", "手机号：[phone number]"),
    ("bank card in Chinese text", "银行卡号6222021234567890123已经绑定", "银行卡号[bank card number]已经绑定"),
    ("a Chinese date is kept", "我于2025年3月10日补缴了", "我于2025年3月10日补缴了"),
]


@pytest.mark.parametrize("typed, stored", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_personal_numbers_are_masked(typed, stored):
    assert mask_personal_data(typed) == stored
