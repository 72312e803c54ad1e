"""compose.yaml and the Helm values run the processes `make cluster` runs, with the same settings
(images cannot be pulled here, so the files are read and compared with deploy/cluster.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from deploy.cluster import (
    NGINX_TEMPLATE,
    ROOT,
    TICKET_LOCK_LIFETIME_SECONDS,
    action_server_command,
    rasa_command,
    shared_settings,
)

SHARED = set(shared_settings("db", "redis", "secret", "actions"))


@pytest.fixture(autouse=True)
def no_api_token(monkeypatch):
    monkeypatch.delenv("RASA_API_TOKEN", raising=False)  # the API switch adds arguments


def load(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text())


def cors_of(command: list[str]) -> str:
    return command[command.index("--cors") + 1]


def test_compose_runs_two_replicas_and_two_action_servers_as_make_cluster_does():
    services = load("compose.yaml")["services"]
    rasa, actions = services["rasa"], services["actions"]
    assert rasa["command"] == rasa_command(5005, "models/latest.tar.gz", cors_of(rasa["command"]), "0.0.0.0")
    assert actions["command"] == action_server_command(5055)
    assert rasa["deploy"]["replicas"] == actions["deploy"]["replicas"] == 2
    assert set(rasa["environment"]) >= SHARED
    assert rasa["environment"]["TICKET_LOCK_LIFETIME"] == str(TICKET_LOCK_LIFETIME_SECONDS)
    assert rasa["environment"]["ACTION_ENDPOINT_URL"] == "http://nginx:5056/webhook"  # nginx's actions port
    assert actions["environment"]["DATABASE_URL"] == rasa["environment"]["DATABASE_URL"]
    assert {"postgres", "redis", "nginx"} <= set(services)


def test_compose_fills_in_every_placeholder_of_the_nginx_template():
    nginx = load("compose.yaml")["services"]["nginx"]
    script = " ".join(nginx["command"])
    assert any(volume.startswith("./deploy/nginx.conf.template:") for volume in nginx["volumes"])
    for placeholder in set(re.findall(r"@[A-Z_]+@", NGINX_TEMPLATE.read_text())):
        assert f"s|{placeholder}|" in script, placeholder
    assert "s|@ACTIONS_PORT@|5056|" in script


def test_the_helm_values_run_the_same_commands_with_the_shared_settings():
    values = load("deploy/helm/values.yaml")
    command = values["command"] + values["args"]
    assert command == rasa_command(5005, "models/latest.tar.gz", cors_of(command), "0.0.0.0")
    assert values["rasa-action-server"]["command"] == action_server_command(5055)
    assert values["replicaCount"] == values["rasa-action-server"]["replicaCount"] == 2
    # The chart itself names the action server in its endpoints.yml (ACTION_SERVER_URL) and sets telemetry.
    assert {variable["name"] for variable in values["extraEnv"]} >= SHARED - {
        "ACTION_ENDPOINT_URL",
        "RASA_TELEMETRY_ENABLED",
    }
    assert values["applicationSettings"]["telemetry"]["enabled"] is False
    assert {"name": "TICKET_LOCK_LIFETIME", "value": str(TICKET_LOCK_LIFETIME_SECONDS)} in values["extraEnv"]


def test_the_helm_values_repeat_the_channels_and_stores_of_the_projects_files():
    """The chart mounts its own credentials.yml and endpoints.yml over the image's."""
    settings = load("deploy/helm/values.yaml")["applicationSettings"]
    assert settings["credentials"]["additionalChannelCredentials"] == load("credentials.yml")
    endpoints = load("endpoints.yml")
    assert settings["endpoints"]["additionalEndpoints"] == {
        "tracker_store": endpoints["tracker_store"],
        "lock_store": endpoints["lock_store"],
    }
