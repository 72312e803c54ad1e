"""Where a turn's time goes: the conversations of tests/conversations played against the trained model, in one
process with cProfile, the action server running beside it.

    make profile            (writes results/profile/turns.json and prints the table for the README)

The Rasa server's work is split into parts by the cumulative time of the functions that do them; "other" is what
no part names (events, trackers, the dialogue's bookkeeping). The REST channel and Sanic are not in it (make bench
measures whole replies). cProfile slows pure Python more than TensorFlow: read the shares, and the turn times of
the run without the profiler.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONVERSATIONS = ROOT / "tests" / "conversations"
REPORT = ROOT / "results" / "profile" / "turns.json"

# part -> functions (path ending, name) whose cumulative time is that part
PARTS: dict[str, list[tuple[str, str]]] = {
    "NLU: normaliser": [("nlu_components/normaliser.py", "process")],
    "NLU: tokenizer": [("rasa/nlu/tokenizers/tokenizer.py", "process")],
    "NLU: entity extractor": [("nlu_components/entities.py", "process")],
    "NLU: featurizers": [
        ("rasa/nlu/featurizers/sparse_featurizer/lexical_syntactic_featurizer.py", "process"),
        ("rasa/nlu/featurizers/sparse_featurizer/count_vectors_featurizer.py", "process"),
    ],
    "NLU: DIET classifier": [("rasa/nlu/classifiers/diet_classifier.py", "process")],
    "policy: RulePolicy": [("rasa/core/policies/rule_policy.py", "predict_action_probabilities")],
    "policy: MemoizationPolicy": [("rasa/core/policies/memoization.py", "predict_action_probabilities")],
    "action server calls (this side's work)": [("rasa/utils/endpoints.py", "request")],
    "checking action server replies": [
        ("rasa/core/actions/action.py", "_validate_action_result"),
        ("server/fixes.py", "validate_action_reply"),
    ],
    "tracker store: read": [("storage/tracker_store.py", "retrieve")],
    "tracker store: write": [("storage/tracker_store.py", "save")],
}
TURN = ("rasa/core/processor.py", "handle_message")


class ActionServerClock:
    """Wall time spent waiting for the action server, and the number of calls: cProfile cannot tell, as it
    counts a coroutine's time only while it runs, and each resumption as a call."""

    def __init__(self) -> None:
        self.seconds, self.calls = 0.0, 0

    def wrap(self, request):  # EndpointConfig.request
        async def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return await request(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        return timed


def conversations(limit_per_file: int = 4) -> list[list[dict]]:
    """The first conversations of each test file (English and Chinese, forms, clicks and "not sure")."""
    played = []
    for path in sorted(CONVERSATIONS.glob("*.yml")):
        played += [c["turns"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))[:limit_per_file]]
    return played


async def play(agent, all_turns: list[list[dict]], prefix: str, profiler: cProfile.Profile | None) -> list[float]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    seconds = []
    for number, turns in enumerate(all_turns):
        buttons: list[dict] = []
        for turn in turns:
            if "click" in turn:
                match = [b for b in buttons if b["title"].lower() == turn["click"].lower()]
                if not match:
                    break  # the conversation went another way: its remaining turns would not be the test's
                text = match[0]["payload"]
            else:
                text = turn["user"]
            output = CollectingOutputChannel()
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            await agent.handle_message(UserMessage(text, output, f"{prefix}-{number}"))
            if profiler:
                profiler.disable()
            seconds.append(time.perf_counter() - start)
            buttons = [b for message in output.messages for b in message.get("buttons") or []]
    return seconds


def cumulative(stats: pstats.Stats, functions: list[tuple[str, str]]) -> tuple[float, int]:
    """Seconds and calls of the functions (by path ending and name), counted once per outermost call."""
    seconds, calls = 0.0, 0
    for (path, _line, name), (_cc, primitive_calls, _tt, cumulative_time, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if any(path.endswith(ending) and name == wanted for ending, wanted in functions):
            seconds += cumulative_time
            calls += primitive_calls
    return seconds, calls


def breakdown(stats: pstats.Stats, turns: int) -> dict[str, object]:
    """The Rasa server's own work per turn, by part (time spent waiting for the action server is not in it)."""
    total, _ = cumulative(stats, [TURN])
    parts = {part: cumulative(stats, functions)[0] for part, functions in PARTS.items()}
    parts["other"] = max(total - sum(parts.values()), 0.0)
    return {
        "turns": turns,
        "rasa_work_ms_per_turn_under_profiler": round(1000 * total / turns, 1),
        "share": {part: round(seconds / total, 3) for part, seconds in parts.items()},
        "ms_per_turn": {part: round(1000 * seconds / turns, 1) for part, seconds in parts.items()},
    }


async def measure() -> dict[str, object]:
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.endpoints import EndpointConfig

    from server import fixes

    # The reply check as `python -m server` runs it; not the turn's deadline, whose action calls run in tasks of
    # their own, outside the cumulative time of the turn that cProfile sees.
    fixes.apply(turn_deadline=False)
    agent = await load_agent(
        model_path=str(ROOT / "models" / "latest.tar.gz"),
        endpoints=AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml")),
    )
    played = conversations()
    print(f"==> warming up, then {sum(map(len, played))} turns without and with the profiler", flush=True)
    await play(agent, played[:3], "warm", None)
    clock = ActionServerClock()
    request = EndpointConfig.request
    EndpointConfig.request = clock.wrap(request)  # type: ignore[method-assign]
    try:
        seconds = sorted(await play(agent, played, "timed", None))
    finally:
        EndpointConfig.request = request  # type: ignore[method-assign]
    profiler = cProfile.Profile()
    profiled = await play(agent, played, "profiled", profiler)
    report = breakdown(pstats.Stats(profiler), len(profiled))
    report["turn_ms_without_profiler"] = {
        "p50": round(1000 * statistics.median(seconds), 1),
        "p95": round(1000 * seconds[int(0.95 * (len(seconds) - 1))], 1),
        "mean": round(1000 * statistics.fmean(seconds), 1),
        "action_server_calls_per_turn": round(clock.calls / len(seconds), 2),
        "waiting_for_the_action_server_per_turn": round(1000 * clock.seconds / len(seconds), 1),
    }
    return report


def main() -> None:
    from deploy.local_servers import wait_for_http
    from tests.e2e.conftest import TODAY
    from tests.servers import free_port

    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(
            ASSISTANT_TODAY=TODAY,
            ACTION_ENDPOINT_URL=f"http://127.0.0.1:{port}/webhook",
            DATABASE_URL=f"sqlite:///{home}/assistant.db",
            RASA_TELEMETRY_ENABLED="false",
        )
        log = Path(home) / "actions.log"
        actions = subprocess.Popen(
            [str(Path(sys.executable).parent / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
            cwd=ROOT,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_http(f"http://127.0.0.1:{port}/health", actions, log)
            report = asyncio.run(measure())
        finally:
            actions.terminate()
            actions.wait(timeout=30)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("turns without the profiler (ms):", json.dumps(report["turn_ms_without_profiler"]))
    print("the Rasa server's own work per turn, waiting for the action server not included:")
    print("| part | share | ms per turn (profiled) |\n|---|---:|---:|")
    for part, share in sorted(report["share"].items(), key=lambda item: -item[1]):  # type: ignore[union-attr]
        print(f"| {part} | {share:.0%} | {report['ms_per_turn'][part]} |")  # type: ignore[index]
    print(f"wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
