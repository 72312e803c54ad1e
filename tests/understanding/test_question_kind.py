"""General, own or both: the kind of question a message asks, in English and Chinese."""

from __future__ import annotations

import pytest

from understanding.question_kind import BOTH, GENERAL, OWN, question_kind

# (message, a duration or date was found in it, kind)
ENGLISH = [
    ("How does the waiting period work after missed payments?", False, GENERAL),
    ("what is the rule on refunds of residents insurance", False, GENERAL),
    ("In general, can you get your money back if you paid twice?", False, GENERAL),
    ("is it allowed to be insured in two cities?", False, GENERAL),
    ("can one withdraw the personal account balance?", False, GENERAL),
    ("how long is the waiting period after a break in payments", False, GENERAL),
    ("whats the rule if I paid residents insurance and then got a job", False, GENERAL),  # the rule, not the case
    ("how does the transfer work when I move?", False, GENERAL),  # how the rule works, though it says "I"
    ("how is the amount I must pay back worked out?", False, GENERAL),
    ("how do I transfer my insurance?", False, OWN),  # asks what to do
    ("when can I use my insurance again?", False, OWN),
    ("I stopped paying, what now", False, OWN),
    ("residents insurance refund", False, OWN),  # no cue: the form, as before
    ("work out my case please", False, OWN),
    ("I missed 45 days and paid on 10 March, when can I use it?", True, OWN),
    ("I stopped paying 3 months ago, how does the back payment work in general?", True, BOTH),
    ("My job ended on 1 May, what's the rule for paying at the new place?", True, BOTH),
    ("insured in two places, I've had the employee one for 3 years, how do I stop?", True, OWN),  # "how do I"
]

CHINESE = [
    ("医保断缴补缴的规定是什么？", False, GENERAL),
    ("一般来说，医保断缴后多久能恢复？", False, GENERAL),
    ("重复参保的话，原则上保留哪一个", False, GENERAL),
    ("医保转移接续怎么办理", False, GENERAL),
    ("退休后医保年限怎么算", False, GENERAL),
    ("医保个人账户的钱能不能取出来？", False, OWN),  # 能不能 without a subject: "can I take it out?"
    ("断缴了两个月零几天，补缴后多久能恢复待遇", True, OWN),
    ("我的情况能退费吗", False, OWN),
    ("我什么时候能用医保报销", False, OWN),
    ("我断缴了，怎么办", False, OWN),
    ("居民医保退费", False, OWN),
    ("我断缴了两个月，一般要等多久才能报销？", True, BOTH),
    ("去年3月停保的，政策上转移要在多久内续上？", True, BOTH),
]


@pytest.mark.parametrize(("text", "has_facts", "kind"), ENGLISH + CHINESE, ids=[row[0] for row in ENGLISH + CHINESE])
def test_question_kind(text, has_facts, kind):
    assert question_kind(text, has_facts) == kind


def test_an_apostrophe_may_be_left_out_or_curly():
    assert question_kind("what’s the rule on transfers") == question_kind("whats the rule on transfers") == GENERAL
