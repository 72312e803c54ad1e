"""The staff command line, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policy_rules", *args], capture_output=True, text=True, timeout=60)


def test_explains_a_waiting_period_case_end_to_end():
    result = run_cli("waiting_period", "--gap-days", "100", "--payment-date", "2025-03-10", "--as-of", "2025-05-01")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Outcome: benefits_after_three_months" in out
    assert "the pooled fund pays your benefits again from 1 June 2025" in out
    assert "has not begun yet" in out
    assert "Sources:" in out and "How to operate the medical insurance online?" in out
    assert "How I reached this answer" in out and "days without benefits = 100" in out


def test_json_output_carries_trace_and_citations():
    result = run_cli(
        "duplicate_enrolment", "--enrolment-pair", "employee_and_residents", "--employee-years", "2", "--json"
    )
    decision = json.loads(result.stdout)
    assert decision["outcome"] == "keep_employee_enrolment"
    assert decision["citations"] and decision["trace"]
    assert "duplicate.keep_employee_after_one_year" in [step["rule"] for step in decision["trace"]]


def test_bad_input_prints_the_citizen_message_and_fails():
    result = run_cli("waiting_period", "--gap-days", "-5")
    assert result.returncode == 2
    assert "cannot be negative" in result.stderr


def test_missing_input_is_reported():
    result = run_cli("transfer")
    assert result.returncode == 2
    assert "employer at the new place" in result.stderr


def test_output_piped_into_a_closed_pipe_ends_quietly():
    result = subprocess.run(
        f"{sys.executable} -m policy_rules list | head -1", shell=True, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.startswith("waiting_period:")
    assert "BrokenPipeError" not in result.stderr


def test_list_names_every_rule():
    import policy_rules

    out = run_cli("list").stdout
    for rule_id in policy_rules.RULES:
        assert f"{rule_id}:" in out
