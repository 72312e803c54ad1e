"""Figures from the turns locust recorded: percentiles, rates, ratios against the floor and the issue's targets."""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FLOOR = "floor"
# Issue 13's targets: sequential p50 at most 2x the floor's (stretch 1.3x); at 20 concurrent conversations p95
# under 2.5 s and no WeChat passive reply missed; no errors at 50 concurrent.
P50_RATIO_GOAL, P50_RATIO_STRETCH = 2.0, 1.3
BUSY_LEVEL, BUSY_P95_MS = 20, 2500.0
HEAVY_LEVEL = 50


@dataclass(frozen=True)
class Sample:
    start: float  # epoch seconds
    seconds: float
    language: str
    outcome: str  # "ok", "unexpected" (answered, but not what tests/conversations expects) or "error"
    detail: str = ""


@dataclass(frozen=True)
class Verdict:
    target: str
    goal: str
    verdict: str  # PASS, MISS or NOT RUN
    measured: str


def read_samples(path: Path) -> list[Sample]:
    with path.open(encoding="utf-8", newline="") as lines:
        return [Sample(float(start), float(seconds), *rest) for start, seconds, *rest in csv.reader(lines)]


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def window_seconds(samples: Sequence[Sample]) -> float:
    """From the first turn's start to the last turn's end: how long one locust run kept the target busy."""
    return max((s.start + s.seconds for s in samples), default=0.0) - min((s.start for s in samples), default=0.0)


def level_figures(samples: Sequence[Sample], busy_seconds: float, late_after_seconds: float) -> dict:
    """Per-turn latency of the answered turns, throughput over the time under load, and what went wrong.

    A WeChat passive reply is missed when the turn took longer than the channel waits (or failed)."""
    answered = [sample for sample in samples if sample.outcome != "error"]
    seconds = [sample.seconds for sample in answered]
    errors = [sample for sample in samples if sample.outcome == "error"]
    unexpected = [sample for sample in samples if sample.outcome == "unexpected"]
    languages = sorted({sample.language for sample in answered})
    return {
        "turns": len(samples),
        "p50_ms": _ms(percentile(seconds, 0.50)),
        "p95_ms": _ms(percentile(seconds, 0.95)),
        "p99_ms": _ms(percentile(seconds, 0.99)),
        "max_ms": _ms(max(seconds, default=math.nan)),
        "msgs_per_s": round(len(answered) / busy_seconds, 2) if busy_seconds > 0 else 0.0,
        "errors": len(errors),
        "unexpected": len(unexpected),
        "wechat_passive_missed": len(errors) + sum(value > late_after_seconds for value in seconds),
        "p50_ms_by_language": {
            language: _ms(percentile([s.seconds for s in answered if s.language == language], 0.5))
            for language in languages
        },
        "examples_of_problems": sorted({sample.detail for sample in errors + unexpected})[:5],
    }


def _ms(seconds: float) -> float | None:
    """Milliseconds for the report; None when nothing was answered (JSON has no NaN)."""
    return None if math.isnan(seconds) else round(seconds * 1000, 1)


def ratios(target: dict[int, dict], floor: dict[int, dict]) -> dict[int, dict]:
    """target/floor per level both ran: latencies (lower is better), throughput (higher is better) and the CPU time
    all server processes spent per turn (when both were measured)."""
    found = {}
    for level in sorted(target.keys() & floor.keys()):
        ours, theirs = dict(target[level]), dict(floor[level])
        for figures in (ours, theirs):
            figures["cpu_ms"] = sum(figures.get("cpu_ms_per_turn", {}).values()) or None
        found[level] = {
            key: round(ours[key] / theirs[key], 2) if ours[key] and theirs[key] else None
            for key in ("p50_ms", "p95_ms", "p99_ms", "msgs_per_s", "cpu_ms")
        }
    return found


def verdicts(targets: dict[str, dict[int, dict]]) -> list[Verdict]:
    """The issue's targets for every target but the floor; a level that was not run gives NOT RUN, a level where
    nothing was answered a MISS."""
    floor = targets.get(FLOOR, {})
    found = []
    for name, levels in targets.items():
        if name != FLOOR:
            found += _sequential(name, levels.get(1), floor.get(1))
            found += _busy(name, levels.get(BUSY_LEVEL))
            found += _heavy(name, levels.get(HEAVY_LEVEL))
    return found


def _sequential(name: str, ours: dict | None, floor: dict | None) -> list[Verdict]:
    goals = [f"sequential p50 <= {P50_RATIO_GOAL}x floor", f"stretch: <= {P50_RATIO_STRETCH}x floor"]
    if not (ours and floor):
        return [Verdict(name, goals[0], "NOT RUN", "needs level 1 of both")]
    if ours["p50_ms"] is None or floor["p50_ms"] is None:
        return [Verdict(name, goals[0], "MISS", "nothing answered")]
    ratio = ours["p50_ms"] / floor["p50_ms"]
    measured = f"{ours['p50_ms']:.0f} ms vs {floor['p50_ms']:.0f} ms = {ratio:.2f}x"
    return [
        Verdict(name, goal, _pass(ratio <= limit), measured)
        for goal, limit in zip(goals, (P50_RATIO_GOAL, P50_RATIO_STRETCH), strict=True)
    ]


def _busy(name: str, busy: dict | None) -> list[Verdict]:
    goals = [f"p95 < {BUSY_P95_MS / 1000:g} s at {BUSY_LEVEL}", f"no WeChat passive reply missed at {BUSY_LEVEL}"]
    if not busy:
        return [Verdict(name, goal, "NOT RUN", f"level {BUSY_LEVEL} not run") for goal in goals]
    p95, missed = busy["p95_ms"], busy["wechat_passive_missed"]
    return [
        Verdict(
            name, goals[0], _pass(p95 is not None and p95 < BUSY_P95_MS), f"{p95:.0f} ms" if p95 else "nothing answered"
        ),
        Verdict(name, goals[1], _pass(missed == 0), f"{missed} of {busy['turns']}"),
    ]


def _heavy(name: str, heavy: dict | None) -> list[Verdict]:
    goal = f"no errors at {HEAVY_LEVEL}"
    if not heavy:
        return [Verdict(name, goal, "NOT RUN", f"level {HEAVY_LEVEL} not run")]
    return [Verdict(name, goal, _pass(heavy["errors"] == 0), f"{heavy['errors']} of {heavy['turns']}")]


def _pass(condition: bool) -> str:
    return "PASS" if condition else "MISS"
