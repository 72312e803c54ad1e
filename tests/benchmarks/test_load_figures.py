"""The pure parts of the load benchmark (benchmarks/load): conversations as turns, figures, ratios, verdicts."""

from __future__ import annotations

import math

import pytest

from benchmarks.load.conversations import Turn, buttons_of, load_conversations, message_for, missing_texts
from benchmarks.load.figures import Sample, level_figures, percentile, ratios, read_samples, verdicts, window_seconds

REPLIES = [
    {"text": "Which insurance did you pay for?", "buttons": [{"title": "Employee insurance", "payload": "/inform_e"}]},
    {"text": "Or tell me more."},
]


def test_every_conversation_of_the_tests_becomes_typed_and_clicked_turns_in_both_languages():
    conversations = load_conversations()
    assert {conversation.language for conversation in conversations} == {"en", "zh"}
    turns = [turn for conversation in conversations for turn in conversation.turns]
    assert any(turn.click for turn in turns) and any(not turn.click for turn in turns)
    refund = next(
        c for c in conversations if c.name == "an employee contribution paid twice is not covered by the sources"
    )
    assert refund.turns[1] == Turn("Employee insurance", True, ("say nothing about an employee contribution", "12333"))


def test_a_click_sends_the_payload_of_the_button_with_that_title_and_typing_sends_the_text():
    buttons = buttons_of(REPLIES)
    assert message_for(Turn("employee INSURANCE", click=True), buttons) == "/inform_e"
    assert message_for(Turn("Residents insurance", click=True), buttons) is None
    assert message_for(Turn("no idea", click=False), buttons) == "no idea"


def test_expected_texts_are_looked_for_in_texts_and_button_titles():
    turn = Turn("x", False, ("which INSURANCE", "employee insurance", "refunded"))
    assert missing_texts(turn, REPLIES) == ["refunded"]


def test_percentiles_interpolate_between_ranks_like_numpy():
    values = [0.4, 0.1, 0.3, 0.2]
    assert percentile(values, 0.5) == pytest.approx(0.25)
    assert percentile(values, 0.95) == pytest.approx(0.385)
    assert percentile([0.7], 0.99) == 0.7
    assert math.isnan(percentile([], 0.5))


def test_level_figures_count_errors_apart_from_latency_and_late_replies_as_missed():
    samples = [
        Sample(100.0, 0.5, "en", "ok"),
        Sample(100.5, 1.5, "zh", "ok"),
        Sample(101.0, 4.5, "en", "unexpected", "no button 'Yes' to click"),
        Sample(102.0, 60.0, "zh", "error", "HTTP 0 timed out"),
    ]
    assert window_seconds(samples) == 62.0
    figures = level_figures(samples, busy_seconds=30.0, late_after_seconds=4.0)
    assert figures["turns"] == 4
    assert figures["p50_ms"] == 1500.0  # the error's 60 s is not a latency
    assert figures["max_ms"] == 4500.0
    assert figures["msgs_per_s"] == 0.1  # answered turns over the time under load
    assert (figures["errors"], figures["unexpected"], figures["wechat_passive_missed"]) == (1, 1, 2)
    assert figures["p50_ms_by_language"] == {"en": 2500.0, "zh": 1500.0}
    assert figures["examples_of_problems"] == ["HTTP 0 timed out", "no button 'Yes' to click"]


def test_a_level_with_no_answer_has_no_latency_rather_than_nan():
    figures = level_figures([Sample(1.0, 60.0, "en", "error", "HTTP 502")], busy_seconds=60.0, late_after_seconds=4.0)
    assert figures["p50_ms"] is None and figures["errors"] == 1 and figures["wechat_passive_missed"] == 1


def test_samples_are_read_back_as_the_locustfile_writes_them(tmp_path):
    path = tmp_path / "samples.csv"
    path.write_text('1700000000.125,0.4210,zh,ok,\n1700000001.000,60.0,en,error,"HTTP 0, timeout"\n')
    assert read_samples(path) == [
        Sample(1700000000.125, 0.421, "zh", "ok", ""),
        Sample(1700000001.0, 60.0, "en", "error", "HTTP 0, timeout"),
    ]


def level(p50: float, p95: float = 0.0, msgs: float = 1.0, errors: int = 0, missed: int = 0) -> dict:
    return {
        "turns": 100,
        "p50_ms": p50,
        "p95_ms": p95 or p50,
        "p99_ms": p95 or p50,
        "msgs_per_s": msgs,
        "errors": errors,
        "wechat_passive_missed": missed,
    }


def test_ratios_are_per_level_both_targets_ran():
    ours = {1: level(300, 600, msgs=3.0) | {"cpu_ms_per_turn": {"rasa": 40.0, "actions": 8.0}}, 10: level(2000)}
    floor = {1: level(100, 200, msgs=6.0) | {"cpu_ms_per_turn": {"rasa": 32.0}}}
    assert ratios(ours, floor) == {1: {"p50_ms": 3.0, "p95_ms": 3.0, "p99_ms": 3.0, "msgs_per_s": 0.5, "cpu_ms": 1.5}}
    assert ratios({1: level(300)}, {1: level(100)})[1]["cpu_ms"] is None  # a target started elsewhere


def test_verdicts_follow_the_issue_targets():
    floor = {1: level(200)}
    ours = {1: level(300), 20: level(1000, p95=2400), 50: level(9000, errors=0)}
    found = {(v.goal, v.verdict) for v in verdicts({"ours": ours, "floor": floor})}
    assert found == {
        ("sequential p50 <= 2.0x floor", "PASS"),
        ("stretch: <= 1.3x floor", "MISS"),  # 1.5x
        ("p95 < 2.5 s at 20", "PASS"),
        ("no WeChat passive reply missed at 20", "PASS"),
        ("no errors at 50", "PASS"),
    }


def test_misses_and_levels_not_run_are_reported_not_raised():
    ours = {1: level(500), 20: level(1500, p95=2600, missed=3)}
    found = {(v.goal, v.verdict, v.measured) for v in verdicts({"ours": ours, "floor": {1: level(200)}})}
    assert ("sequential p50 <= 2.0x floor", "MISS", "500 ms vs 200 ms = 2.50x") in found
    assert ("p95 < 2.5 s at 20", "MISS", "2600 ms") in found
    assert ("no WeChat passive reply missed at 20", "MISS", "3 of 100") in found
    assert ("no errors at 50", "NOT RUN", "level 50 not run") in found
    only_ours = {(v.goal, v.verdict) for v in verdicts({"ours": {1: level(300)}})}
    assert ("sequential p50 <= 2.0x floor", "NOT RUN") in only_ours


def test_a_target_that_answered_nothing_misses_rather_than_failing():
    ours = {1: level(0) | {"p50_ms": None}, 20: level(0) | {"p95_ms": None}}
    found = {(v.goal, v.verdict) for v in verdicts({"ours": ours, "floor": {1: level(200)}})}
    assert ("sequential p50 <= 2.0x floor", "MISS") in found
    assert ("p95 < 2.5 s at 20", "MISS") in found
