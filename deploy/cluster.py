"""The production shape on one machine: Rasa replicas sharing PostgreSQL and Redis, behind nginx.

    python -m deploy.cluster start [--replicas 2] [--actions 2]   # prints the URL, then stays until Ctrl-C
    python -m deploy.cluster stop                                 # also after a crash (pid files)
    python -m deploy.cluster status

Everything runs on loopback from the machine's Debian packages (make system-packages), with its
files under build/cluster/: PostgreSQL's data (kept between runs, like var/assistant.db), logs,
pid files, nginx's configuration. Tests and the benchmark use the Cluster object directly.
compose.yaml and deploy/helm/values.yaml describe the same processes with the same settings.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from deploy import local_servers

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "build" / "cluster"
MODEL = ROOT / "models" / "latest.tar.gz"
NGINX_TEMPLATE = Path(__file__).with_name("nginx.conf.template")
DATABASE = "assistant"
# A replica killed mid-turn leaves its conversation's lock in Redis; the other replica waits this long
# for it (Rasa's default is 60 s). Turns end within seconds (ACTION_TIMEOUT_SECONDS bounds the slow part).
TICKET_LOCK_LIFETIME_SECONDS = 20
STOP_SECONDS = 30


def rasa_command(port: int, model: Path | str, cors: str, interface: str = "127.0.0.1") -> list[str]:
    """A Rasa replica: Rasa's command line with server.fixes, as `make run` starts it (compose.yaml too).
    Rasa's HTTP API stays off unless RASA_API_TOKEN is set."""
    api = ["--enable-api", "--auth-token", os.environ["RASA_API_TOKEN"]] if os.environ.get("RASA_API_TOKEN") else []
    return [
        *("python", "-m", "server", "run", "--model", str(model), "--interface", interface, "--port", str(port)),
        *("--cors", cors, "--credentials", "credentials.yml", "--endpoints", "endpoints.yml", *api),
    ]


def action_server_command(port: int) -> list[str]:
    return ["rasa", "run", "actions", "--actions", "actions", "--port", str(port)]


def shared_settings(database_url: str, redis_url: str, session_secret: str, actions_url: str) -> dict[str, str]:
    """What every replica must share (compose.yaml and the helm values set the same variables)."""
    return {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SESSION_SECRET": session_secret,
        "ACTION_ENDPOINT_URL": actions_url,
        "TICKET_LOCK_LIFETIME": str(TICKET_LOCK_LIFETIME_SECONDS),
        "RASA_TELEMETRY_ENABLED": "false",
    }


@dataclass
class Cluster:
    """Rasa replicas, action servers, PostgreSQL, Redis and nginx on loopback; files under `home`.

    `settings` are extra environment variables for the Rasa and action servers (WeChat, ASSISTANT_TODAY...).
    """

    home: Path = HOME
    settings: dict[str, str] = field(default_factory=dict)
    model: Path = MODEL
    ports: dict[str, int] = field(default_factory=dict)  # service name -> port
    processes: dict[str, subprocess.Popen] = field(default_factory=dict, repr=False)

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['nginx']}"

    @property
    def replicas(self) -> list[str]:
        return sorted(name for name in self.ports if name.startswith("rasa-"))

    @property
    def action_servers(self) -> list[str]:
        return sorted(name for name in self.ports if name.startswith("actions-"))

    def address(self, name: str) -> str:
        """host:port of a service, as nginx's X-Upstream names it."""
        return f"127.0.0.1:{self.ports[name]}"

    @property
    def database_url(self) -> str:
        return f"postgresql://assistant@127.0.0.1:{self.ports['postgres']}/{DATABASE}"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.ports['redis']}/1"

    def start(self, replicas: int = 2, actions: int = 1) -> str:
        """Start everything (after stopping what a crashed run left); returns nginx's URL."""
        self.stop()
        for directory in (self.logs, self.home / "pids", self.home / "nginx"):
            directory.mkdir(parents=True, exist_ok=True)
        self.home.chmod(0o755)  # the postgres user reaches its data directory through here
        names = ["postgres", "redis", "nginx", "nginx-actions"]
        names += [f"actions-{n}" for n in range(1, actions + 1)] + [f"rasa-{n}" for n in range(1, replicas + 1)]
        self.ports = {name: local_servers.free_port() for name in names}
        (self.home / "ports.json").write_text(json.dumps(self.ports))
        try:
            self.start_postgres()
            self.start_service("redis")
            self.start_service("nginx")
            for name in self.action_servers:
                self.start_service(name)
            for name in self.replicas:  # loading the model is the slow part: the replicas load side by side
                self.launch(name)
            for name in self.replicas:
                self.wait_until_up(name)
        except BaseException:
            self.stop()
            raise
        return self.url

    def start_postgres(self) -> None:
        data = self.home / "postgres" / "data"
        first_run = not data.exists()
        if first_run:
            data.parent.mkdir(parents=True, exist_ok=True)
            local_servers.init_postgres(data)
        local_servers.start_postgres(data, self.ports["postgres"])
        if first_run:
            local_servers.create_database(self.ports["postgres"], DATABASE)

    def stop_postgres(self) -> None:
        local_servers.stop_postgres(self.home / "postgres" / "data")

    def start_service(self, name: str) -> None:
        self.launch(name)
        self.wait_until_up(name)

    def launch(self, name: str) -> None:
        command, environment = self.command(name)
        log = (self.logs / f"{name}.log").open("a")
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes[name] = process
        recorded = {"pid": process.pid, "started": started_at(process.pid)}  # no command: it may hold a token
        (self.home / "pids" / f"{name}.json").write_text(json.dumps(recorded))

    def wait_until_up(self, name: str) -> None:
        process, log = self.processes[name], self.logs / f"{name}.log"
        if name == "redis":
            local_servers.wait_for_redis(self.redis_url, process)
        elif name == "nginx":
            local_servers.wait_for_port(self.ports["nginx"], process, log)
        else:
            health = "health" if name.startswith("actions-") else "webhooks/rest/"
            local_servers.wait_for_http(f"http://{self.address(name)}/{health}", process, log)

    def command(self, name: str) -> tuple[list[str], dict[str, str]]:
        """The command line and environment of a service."""
        environment = {
            **os.environ,
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            **shared_settings(
                self.database_url,
                self.redis_url,
                self.session_secret(),
                f"http://{self.address('nginx-actions')}/webhook",
            ),
            **self.settings,
        }
        if name == "redis":
            return local_servers.redis_command(self.ports["redis"]), environment
        if name == "nginx":
            conf = self.write_nginx_conf()
            nginx = local_servers.server_binary("nginx")
            return [
                nginx,
                "-p",
                str(self.home / "nginx"),
                "-c",
                str(conf),
                "-e",
                str(self.logs / "nginx-error.log"),
            ], {}
        bin_dir = Path(sys.executable).parent
        if name.startswith("actions-"):
            command = action_server_command(self.ports[name])
            return [str(bin_dir / "rasa"), *command[1:]], environment
        command = rasa_command(self.ports[name], self.model, " ".join(self.origins()))
        return [sys.executable, *command[1:]], environment

    def origins(self) -> list[str]:
        """The web page's origins: through nginx (and CORS_ORIGINS for a public host name)."""
        extra = os.environ.get("CORS_ORIGINS", "").split()
        return [self.url, f"http://localhost:{self.ports['nginx']}", *extra]

    def session_secret(self) -> str:
        """One secret for every replica (web sessions signed by one are accepted by the other), kept between runs."""
        if os.environ.get("SESSION_SECRET"):
            return os.environ["SESSION_SECRET"]
        path = self.home / "session_secret"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def write_nginx_conf(self) -> Path:
        def servers(names: list[str]) -> str:
            return "\n".join(f"        server {self.address(name)} max_fails=1 fail_timeout=10s;" for name in names)

        text = NGINX_TEMPLATE.read_text()
        for placeholder, value in {
            "@HOME@": str(self.home),
            "@LOGS@": str(self.logs),
            "@PORT@": str(self.ports["nginx"]),
            "@ACTIONS_PORT@": str(self.ports["nginx-actions"]),
            "@RASA_SERVERS@": servers(self.replicas),
            "@ACTION_SERVERS@": servers(self.action_servers),
        }.items():
            text = text.replace(placeholder, value)
        conf = self.home / "nginx.conf"
        conf.write_text(text)
        return conf

    def kill(self, name: str, how: signal.Signals = signal.SIGKILL) -> None:
        """Stop one service the hard way (a crash) or gently (SIGTERM); PostgreSQL by pg_ctl."""
        if name == "postgres":
            self.stop_postgres()
            return
        process = self.processes.pop(name)
        process.send_signal(how)
        process.wait(timeout=STOP_SECONDS)
        (self.home / "pids" / f"{name}.json").unlink(missing_ok=True)

    def restart(self, name: str) -> None:
        """Start a stopped service again on its port."""
        if name == "postgres":
            local_servers.start_postgres(self.home / "postgres" / "data", self.ports["postgres"])
        else:
            self.start_service(name)

    def stop(self) -> None:
        """Stop every service of this folder, those of a crashed run included; each by its recorded pid."""
        for pid_file in sorted((self.home / "pids").glob("*.json"), key=stopping_order):
            stop_process(json.loads(pid_file.read_text()))
            pid_file.unlink(missing_ok=True)  # `make cluster-stop` and Ctrl-C may stop side by side
        self.processes.clear()
        if (self.home / "postgres" / "data").exists():
            self.stop_postgres()

    def status(self) -> dict[str, bool]:
        """Which recorded services are running."""
        running = {}
        for pid_file in sorted((self.home / "pids").glob("*.json")):
            running[pid_file.stem] = is_running(json.loads(pid_file.read_text()))
        running["postgres"] = (self.home / "postgres" / "data" / "postmaster.pid").exists()
        return running


def stopping_order(pid_file: Path) -> int:
    """nginx first (no new requests), then the replicas (finishing their turns), then what they use."""
    order = ["nginx", "rasa", "actions", "redis"]
    return next((n for n, prefix in enumerate(order) if pid_file.stem.startswith(prefix)), len(order))


def started_at(pid: int) -> str | None:
    """The start time of process `pid` (/proc/<pid>/stat), which tells it from a later one reusing the pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return None if fields[0] == "Z" else fields[19]  # a zombie has finished


def is_running(recorded: dict) -> bool:
    return started_at(recorded["pid"]) == recorded["started"]


def stop_process(recorded: dict) -> None:
    if not is_running(recorded):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(recorded["pid"], signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    while is_running(recorded) and time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(recorded["pid"], os.WNOHANG)  # our own child: reap it, or it stays a zombie
        time.sleep(0.1)
    if is_running(recorded):
        with contextlib.suppress(ProcessLookupError):
            os.kill(recorded["pid"], signal.SIGKILL)


def tell(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()  # `make cluster` shows it at once


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--actions", type=int, default=2, help="action servers")
    arguments = parser.parse_args(argv)
    cluster = Cluster()
    if arguments.action == "stop":
        cluster.stop()
        tell("==> The cluster is stopped")
    elif arguments.action == "status":
        for name, running in cluster.status().items():
            tell(f"{name:15} {'running' if running else 'stopped'}")
    else:
        run_until_interrupted(cluster, arguments.replicas, arguments.actions)


def run_until_interrupted(cluster: Cluster, replicas: int, actions: int) -> None:
    tell(f"==> Starting PostgreSQL, Redis, {actions} action server(s), {replicas} Rasa replicas, nginx (a minute)")
    # Ctrl-C and a plain kill both stop the cluster, even when started in the background (SIGINT ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        url = cluster.start(replicas, actions)
    except (KeyboardInterrupt, SystemExit):
        sys.exit("==> Stopped while starting")
    tell(
        f"\nThe cluster is running: {url}\n"
        f"  Web chat page: {url}/chat/\n"
        f"  REST:          POST {url}/webhooks/rest/webhook\n"
        f"  WeChat:        {url}/webhooks/wechat/\n"
        f"  Replicas:      {', '.join(cluster.address(name) for name in cluster.replicas)}\n"
        f"  Database:      {cluster.database_url}\n"
        f"  Logs:          {cluster.logs}/\n"
        "Press Ctrl-C to stop (or `make cluster-stop` from another shell)."
    )
    try:
        while all(process.poll() is None for process in cluster.processes.values()):
            time.sleep(1)
        stopped = [name for name, process in cluster.processes.items() if process.poll() is not None]
        sys.stderr.write(f"error: {', '.join(stopped)} stopped; see {cluster.logs}/\n")
    except KeyboardInterrupt:
        pass
    finally:
        tell("\n==> Stopping the cluster")
        cluster.stop()


if __name__ == "__main__":
    main()
