"""Servers from the machine's own Debian packages, run on loopback: shared by `make cluster` and the tests."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import requests


class MissingServer(RuntimeError):
    """A server binary is not installed (scripts/install_system_packages.sh installs them)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_binary(name: str) -> str:
    """The path of a Debian server binary: on PATH, in /usr/sbin (nginx) or PostgreSQL's versioned folder."""
    found = (
        shutil.which(name)
        or shutil.which(name, path="/usr/sbin")
        or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    )
    if not found:
        raise MissingServer(f"{name} is not installed: make system-packages installs it")
    return found


def as_postgres_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; CI and this machine run tests as root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def init_postgres(data: Path, user: str = "assistant") -> None:
    """A new PostgreSQL cluster in `data` (its parent owned by the postgres user when run as root)."""
    if os.geteuid() == 0:
        shutil.chown(data.parent, "postgres")
    subprocess.run(
        as_postgres_user(
            [server_binary("initdb"), "-D", str(data), "-U", user, "--auth=trust", "--encoding=UTF8", "--locale=C"]
        ),
        check=True,
        capture_output=True,
    )


def start_postgres(data: Path, port: int) -> None:
    """Start the cluster in `data` on 127.0.0.1:`port` (its socket and log beside `data`); waits until it is up."""
    subprocess.run(
        as_postgres_user(
            [
                server_binary("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(data.parent / "postgres.log"),
                "-w",
                "-o",
                f"-p {port} -k {data.parent} -c listen_addresses=127.0.0.1",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )


def stop_postgres(data: Path) -> None:
    """Stop the cluster in `data` if it runs (fast shutdown: sessions are ended, committed data kept)."""
    if (data / "postmaster.pid").exists():
        subprocess.run(
            as_postgres_user([server_binary("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )


def create_database(port: int, name: str, user: str = "assistant") -> None:
    subprocess.run(
        as_postgres_user([server_binary("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, name]),
        check=True,
        capture_output=True,
    )


def redis_command(port: int) -> list[str]:
    """Redis on loopback without persistence: it holds conversation locks and WeChat claims, all short-lived."""
    return [
        server_binary("redis-server"),
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
    ]


def _wait_until(
    ready: Callable[[], bool],
    process: subprocess.Popen,
    what: str,
    seconds: float,
    every: float,
    log: Path | None = None,
) -> None:
    """Poll `ready` until it is true; fail early (with the log's tail) when the process exits, or at the deadline."""
    tail = (lambda: ":\n" + log.read_text(errors="replace")[-3000:]) if log else (lambda: "")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what}: the server exited early with status {process.returncode}{tail()}")
        if ready():
            return
        time.sleep(every)
    raise RuntimeError(f"{what} did not answer in {seconds}s{tail()}")


def wait_for_redis(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    import redis

    def pings() -> bool:
        try:
            return bool(redis.Redis.from_url(url).ping())
        except redis.ConnectionError:
            return False

    _wait_until(pings, process, f"redis at {url}", seconds, 0.1)


def wait_for_http(url: str, process: subprocess.Popen, log: Path, seconds: float = 300) -> None:
    """Poll `url` until it answers 2xx; fail early with the log's tail when the process exits."""

    def answers() -> bool:
        try:
            return requests.get(url, timeout=2).ok
        except requests.RequestException:
            return False

    _wait_until(answers, process, url, seconds, 0.5, log)


def wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    """Poll until something accepts connections on 127.0.0.1:`port`."""

    def accepts() -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    _wait_until(accepts, process, f"port {port}", seconds, 0.1, log)
