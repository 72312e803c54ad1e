"""Driver of the load benchmark (see the package's docstring): runs in the project's .venv, locust in its own venv.

    python -m benchmarks.load [--levels 1,10,20,50] [--duration 60] [--slices 3] [--quick] [--no-ours] [--no-floor]
                              [--replicas 1,2] [--target NAME=URL ...] [--train-seconds S | --train] [--out DIR]

A missed target is reported (PASS/MISS lines), not raised: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import requests

from benchmarks.load.chart import draw_latency_chart
from benchmarks.load.figures import (
    FLOOR,
    Sample,
    Verdict,
    level_figures,
    ratios,
    read_samples,
    verdicts,
    window_seconds,
)
from channels.wechat import DEFAULT_REPLY_TIMEOUT_SECONDS
from deploy.local_servers import wait_for_http
from tests.e2e.conftest import TODAY, start_servers, stop_servers
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
FLOOR_DIR = ROOT / "build" / "floor"
FLOOR_TRAINING = FLOOR_DIR / "training.json"
OURS = "ours"
# Longer than the locustfile's request timeout (60 s): at the end of a level, turns in flight finish and count.
STOP_TIMEOUT_SECONDS = 90
QUICK_LEVELS, QUICK_DURATION = [1, 10], 15
RASA_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


@dataclass
class Target:
    name: str
    url: str
    check_replies: bool  # our assistant: buttons clicked by payload and replies checked against the conversations
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)  # role -> process, for peak memory
    startup_seconds: float | None = None
    training: dict = field(default_factory=dict)


def main() -> None:
    options = parse_arguments()
    out: Path = options.out
    for folder in ("samples", "locust"):
        shutil.rmtree(out / folder, ignore_errors=True)
        (out / folder).mkdir(parents=True)
    report: dict = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(options.locust),
        "settings": {
            "levels": options.levels,
            "duration_seconds_per_level": options.duration,
            "slices_per_level": options.slices,
            "wechat_reply_timeout_seconds": DEFAULT_REPLY_TIMEOUT_SECONDS,
            "conversations": "tests/conversations/*.yml, English and Chinese, no pause between turns",
        },
        "targets": {},
    }
    with contextlib.ExitStack() as running:
        # Started one after the other (each start-up timed alone), then loaded one at a time: at each level the
        # targets take turns in slices, as what else runs on this shared machine drifts within minutes.
        targets = [running.enter_context(start()) for start in planned_targets(options)]
        levels: dict[str, dict[int, dict]] = {target.name: {} for target in targets}
        for level in options.levels:
            samples: dict[str, list[Sample]] = {target.name: [] for target in targets}
            busy = dict.fromkeys(samples, 0.0)
            cpu: dict[str, Counter[str]] = {target.name: Counter() for target in targets}
            load_before = round(os.getloadavg()[0], 2)
            for slice_number in range(options.slices):
                for target in targets if slice_number % 2 == 0 else targets[::-1]:  # ABBA: a steady drift cancels
                    before = cpu_seconds(target)
                    run = run_locust(
                        options.locust, target, level, options.duration // options.slices, out, slice_number
                    )
                    cpu[target.name].update(cpu_seconds(target))
                    cpu[target.name].subtract(before)
                    samples[target.name] += run
                    busy[target.name] += window_seconds(run)
            for target in targets:
                figures = level_figures(samples[target.name], busy[target.name], DEFAULT_REPLY_TIMEOUT_SECONDS)
                turns = max(figures["turns"], 1)
                per_turn = {role: round(seconds * 1000 / turns, 1) for role, seconds in cpu[target.name].items()}
                levels[target.name][level] = {**figures, "cpu_ms_per_turn": per_turn, "load_before": load_before}
                print(
                    f"    {target.name:6s} {level:3d} concurrent: {summary_line(levels[target.name][level])}",
                    flush=True,
                )
        for target in targets:
            report["targets"][target.name] = {
                "url": target.url,
                "startup_seconds": target.startup_seconds,
                "training": target.training,
                "peak_rss_mb": {role: peak_rss_mb(process.pid) for role, process in target.processes.items()},
                "levels": levels[target.name],
            }
    finish(report, out)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,10,20,50", help="concurrent conversations, comma-separated")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load per level and target")
    parser.add_argument("--slices", type=int, default=3, help="the duration in this many turns of each target")
    parser.add_argument("--quick", action="store_true", help=f"levels {QUICK_LEVELS}, {QUICK_DURATION} s each")
    parser.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="also bench an assistant already running there (e.g. the cluster's nginx)",
    )
    parser.add_argument(
        "--replicas",
        default="",
        help="also bench deploy.cluster (make cluster) with this many Rasa replicas behind nginx, e.g. 1,2",
    )
    parser.add_argument("--no-ours", action="store_true", help="do not start our assistant")
    parser.add_argument("--no-floor", action="store_true", help="do not run the plain `rasa init` assistant")
    training = parser.add_mutually_exclusive_group()
    training.add_argument("--train-seconds", type=float, help="our training time, measured elsewhere")
    training.add_argument("--train", action="store_true", help="time `rasa train` of our assistant (minutes)")
    parser.add_argument("--locust", type=Path, default=ROOT / "build" / "bench-venv" / "bin" / "locust")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench")
    options = parser.parse_args()
    options.levels = QUICK_LEVELS if options.quick else [int(level) for level in options.levels.split(",")]
    options.duration = QUICK_DURATION if options.quick else options.duration
    if not options.locust.exists():
        parser.error(f"{options.locust} is missing: `make bench` installs locust in build/bench-venv")
    return options


def planned_targets(options: argparse.Namespace) -> list[Callable[[], AbstractContextManager[Target]]]:
    """What starts (or reaches) each target; they are started one after the other."""
    planned: list[Callable[[], AbstractContextManager[Target]]] = []
    if not options.no_ours:
        planned.append(functools.partial(running_ours, options))
    if not options.no_floor:
        planned.append(running_floor)
    for replicas in [int(count) for count in options.replicas.split(",") if count]:
        planned.append(functools.partial(running_cluster, replicas))
    for named in options.target:
        name, _, url = named.partition("=")
        planned.append(functools.partial(reached, Target(name, url.rstrip("/"), check_replies=True)))
    return planned


@contextlib.contextmanager
def running_ours(options: argparse.Namespace) -> Iterator[Target]:
    """Our assistant as the end-to-end tests start it: action server and Rasa server on free ports, a temp SQLite."""
    training = our_training(options)
    started = time.monotonic()
    assistant, processes = start_servers(Path(tempfile.mkdtemp(prefix="bench-ours-")), RASA_ENV)
    try:
        roles = {"rasa": processes[0], "actions": processes[1]}
        yield announced(
            Target(OURS, assistant.rasa_url, True, roles, first_answer(assistant.rasa_url, started), training)
        )
    finally:
        stop_servers(processes)


@contextlib.contextmanager
def running_floor() -> Iterator[Target]:
    """`rasa run` of the plain `rasa init` assistant (no custom actions, trackers in memory) on a free port."""
    training = build_floor()
    port = free_port()
    log = FLOOR_DIR / "rasa.log"
    started = time.monotonic()
    process = subprocess.Popen(
        [str(rasa_command()), "run", "--port", str(port), "--credentials", "credentials.yml"],
        cwd=FLOOR_DIR,
        env={**os.environ, **RASA_ENV},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{url}/", process, log)
        yield announced(Target(FLOOR, url, False, {"rasa": process}, first_answer(url, started), training))
    finally:
        stop_servers([process])


@contextlib.contextmanager
def running_cluster(replicas: int) -> Iterator[Target]:
    """deploy.cluster's Rasa replicas on PostgreSQL and Redis behind nginx, with one action server; its files in a
    folder of its own, so that clusters of 1 and 2 replicas run side by side (idle while the other is loaded)."""
    from deploy.cluster import Cluster  # here: only this option needs PostgreSQL, Redis and nginx

    cluster = Cluster(
        home=ROOT / "build" / f"bench-cluster-{replicas}", settings={"ASSISTANT_TODAY": TODAY, **RASA_ENV}
    )
    started = time.monotonic()
    url = cluster.start(replicas=replicas, actions=1)
    try:
        servers = {
            name: process for name, process in cluster.processes.items() if name.startswith(("rasa-", "actions-"))
        }
        training = {"seconds": None, "source": "the same model as ours"}
        target = Target(f"cluster-{replicas}", url, True, servers, first_answer(url, started), training)
        yield announced(target)
    finally:
        cluster.stop()


@contextlib.contextmanager
def reached(target: Target) -> Iterator[Target]:
    """An assistant someone else runs: its memory is not ours to read, its start-up not ours to time."""
    target.startup_seconds = None
    target.training = {"seconds": None, "source": "not measured: started outside the benchmark"}
    first_answer(target.url, time.monotonic())
    yield announced(target)


def announced(target: Target) -> Target:
    print(f"==> {target.name} at {target.url}: start-up to first answer {target.startup_seconds} s", flush=True)
    return target


def rasa_command() -> Path:
    return Path(sys.executable).parent / "rasa"


def build_floor() -> dict:
    """`rasa init --no-prompt` into build/floor with the project's own Rasa, timed (it trains the model); reused."""
    if FLOOR_TRAINING.exists() and any((FLOOR_DIR / "models").glob("*.tar.gz")):
        return json.loads(FLOOR_TRAINING.read_text())
    shutil.rmtree(FLOOR_DIR, ignore_errors=True)
    FLOOR_DIR.mkdir(parents=True)
    print("==> Building the floor: rasa init --no-prompt in build/floor (trains a model, a few minutes)", flush=True)
    started = time.monotonic()
    subprocess.run(
        [str(rasa_command()), "init", "--no-prompt", "--init-dir", str(FLOOR_DIR)],
        cwd=FLOOR_DIR,
        env={**os.environ, **RASA_ENV},
        stdout=(FLOOR_DIR / "init.log").open("w"),
        stderr=subprocess.STDOUT,
        check=True,
    )
    training = {
        "seconds": round(time.monotonic() - started, 1),
        "source": f"rasa init --no-prompt (data files and training), timed when build/floor was built on {today()}",
    }
    FLOOR_TRAINING.write_text(json.dumps(training))
    return training


def our_training(options: argparse.Namespace) -> dict:
    if options.train_seconds is not None:
        return {"seconds": options.train_seconds, "source": "--train-seconds (measured outside this run)"}
    if not options.train:
        return {"seconds": None, "source": "not measured: pass --train-seconds S or --train"}
    print("==> Timing rasa train of our assistant (into a temp folder; models/ is left alone)", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-train-") as folder:
        subprocess.run(
            [str(rasa_command()), "train", "--out", folder, "--fixed-model-name", "bench"],
            cwd=ROOT,
            env={**os.environ, **RASA_ENV},
            stdout=(options.out / "train.log").open("w"),
            stderr=subprocess.STDOUT,
            check=True,
        )
    return {"seconds": round(time.monotonic() - started, 1), "source": f"rasa train, timed in this run on {today()}"}


def first_answer(url: str, started: float, seconds: int = 300) -> float:
    """Seconds from `started` until a message gets an answer; then a Chinese one, so that no level pays a first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            say(url, "hello")
            break
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    elapsed = round(time.monotonic() - started, 1)
    say(url, "你好")
    return elapsed


def say(url: str, message: str) -> list[dict]:
    body = {"sender": f"bench-warm-up-{time.monotonic_ns()}", "message": message}
    response = requests.post(f"{url}/webhooks/rest/webhook", json=body, timeout=60)
    response.raise_for_status()
    return response.json()


def run_locust(locust: Path, target: Target, level: int, duration: int, out: Path, slice_number: int) -> list[Sample]:
    """Locust headless: `level` citizens started at once, each playing conversations for `duration` seconds."""
    name = f"{target.name}-{level}-{slice_number + 1}"
    samples = out / "samples" / f"{name}.csv"
    samples.touch()
    command = [
        str(locust), "-f", str(LOCUSTFILE), "--headless", "-u", str(level), "-r", str(level),
        "--run-time", f"{duration}s", "--stop-timeout", str(STOP_TIMEOUT_SECONDS), "--host", target.url,
        "--csv", str(out / "locust" / name), "--only-summary", "--exit-code-on-error", "0",
    ]  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BENCH_SAMPLES": str(samples),
        "BENCH_CHECK": "1" if target.check_replies else "0",
    }
    with (out / "locust" / f"{name}.log").open("w") as log:
        subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
    return read_samples(samples)


def cpu_seconds(target: Target) -> dict[str, float]:
    """CPU time each server process has used (user + system, /proc/<pid>/stat): unlike latency, hardly changed by
    what else runs on the machine."""
    used = {}
    for role, process in target.processes.items():
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        used[role] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return used


def peak_rss_mb(pid: int) -> float | None:
    """The kernel's high-water mark of the process's resident memory (VmHWM): its peak, with no sampling."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def machine(locust: Path) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "")
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    locust_version = subprocess.run([str(locust), "--version"], capture_output=True, text=True).stdout.split()[1]
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(memory_kb / 1024**2, 1),
        "python": platform.python_version(),
        "rasa": version("rasa"),
        "locust": locust_version,
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "other_assistant_processes_at_start": other_assistant_processes(),
    }


def other_assistant_processes() -> int:
    """Rasa and action servers someone else runs here (the maintainer's, another helper's): they share the cores."""
    count = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            command = cmdline.read_bytes()
            count += b"rasa\x00run" in command or b"-m\x00server\x00run" in command
    return count


def today() -> str:
    return datetime.date.today().isoformat()


def summary_line(figures: dict) -> str:
    return (
        f"{figures['turns']} turns, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
        f"p99 {figures['p99_ms']} ms, {figures['msgs_per_s']} msg/s, {figures['errors']} errors, "
        f"{figures['unexpected']} unexpected, {figures['wechat_passive_missed']} over "
        f"{DEFAULT_REPLY_TIMEOUT_SECONDS:g} s, CPU ms per turn {figures['cpu_ms_per_turn']} "
        f"(load {figures['load_before']})"
    )


def finish(report: dict, out: Path) -> None:
    """Ratios and verdicts into the report; the report, the chart and a table for the README."""
    levels = {name: target["levels"] for name, target in report["targets"].items()}
    report["ratios_to_floor"] = {
        name: ratios(figures, levels[FLOOR]) for name, figures in levels.items() if name != FLOOR and FLOOR in levels
    }
    report["ratios_to_ours"] = {
        name: ratios(figures, levels[OURS])
        for name, figures in levels.items()
        if name not in (OURS, FLOOR) and OURS in levels
    }
    if "cluster-1" in levels and "cluster-2" in levels:
        report["ratios_2_to_1_replica"] = ratios(levels["cluster-2"], levels["cluster-1"])
    found = verdicts(levels)
    report["verdicts"] = [verdict.__dict__ for verdict in found]
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    draw_latency_chart(levels, machine_line(report), out / "latency.png", DEFAULT_REPLY_TIMEOUT_SECONDS * 1000)
    print(markdown_table(report))
    print_verdicts(found)
    print(f"\nReport: {out / 'report.json'}  chart: {out / 'latency.png'}")


def machine_line(report: dict) -> str:
    m = report["machine"]
    return (
        f"{report['date'][:10]}, {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}, "
        f"Rasa {m['rasa']}, locust {m['locust']}, load {m['load_average_at_start'][0]} at start"
    )


def markdown_table(report: dict) -> str:
    columns = {"turns": "turns", "p50_ms": "p50 ms", "p95_ms": "p95 ms", "p99_ms": "p99 ms", "msgs_per_s": "msg/s",
               "errors": "errors", "unexpected": "unexpected", "wechat_passive_missed": "over 4 s"}  # fmt: skip
    header = ["target", "concurrent", *columns.values(), "CPU ms/turn", "p50 / floor", "p95 / floor", "CPU / floor"]
    rows = ["| " + " | ".join(header) + " |", "| --- | " + " | ".join(["---:"] * (len(header) - 1)) + " |"]
    for name, target in report["targets"].items():
        for level, figures in target["levels"].items():
            ratio = report["ratios_to_floor"].get(name, {}).get(level, {})
            cpu = " + ".join(str(ms) for ms in figures["cpu_ms_per_turn"].values())
            cells = [name, level, *(figures[column] for column in columns), cpu]
            cells += [ratio.get("p50_ms"), ratio.get("p95_ms"), ratio.get("cpu_ms")]
            rows.append("| " + " | ".join("" if cell is None else str(cell) for cell in cells) + " |")
    rows.append("")
    for name, target in report["targets"].items():
        memory = ", ".join(f"{role} {mb} MB" for role, mb in target["peak_rss_mb"].items()) or "not measured"
        training = target["training"]
        rows.append(
            f"- {name}: start-up to first answer {target['startup_seconds']} s; training "
            f"{'' if training['seconds'] is None else str(training['seconds']) + ' s '}({training['source']}); "
            f"peak memory {memory}"
        )
    for level, ratio in report.get("ratios_2_to_1_replica", {}).items():
        rows.append(
            f"- 2 replicas / 1 replica at {level}: p50 {ratio['p50_ms']}, p95 {ratio['p95_ms']}, "
            f"msg/s {ratio['msgs_per_s']}, CPU per turn {ratio['cpu_ms']}"
        )
    rows.append(f"- machine: {machine_line(report)}")
    return "\n".join(rows)


def print_verdicts(found: list[Verdict]) -> None:
    print()
    for verdict in found:
        print(f"{verdict.verdict:7s} {verdict.target}: {verdict.goal} ({verdict.measured})")


if __name__ == "__main__":
    main()
