"""Telegram comes from the environment; switched off, it builds no output channel (no network)."""

from channels.telegram import TelegramFromEnvironment


def test_the_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("TELEGRAM_ACCESS_TOKEN", "123456:ABC")
    monkeypatch.setenv("TELEGRAM_BOT_NAME", "bureau_bot")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://assistant.example/webhooks/telegram/webhook")
    channel = TelegramFromEnvironment.from_credentials(None)
    assert (channel.access_token, channel.verify, channel.webhook_url) == (
        "123456:ABC",
        "bureau_bot",
        "https://assistant.example/webhooks/telegram/webhook",
    )
    assert channel.enabled


def test_credentials_yml_values_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("TELEGRAM_ACCESS_TOKEN", "from-env")
    assert TelegramFromEnvironment.from_credentials({"access_token": "from-file"}).access_token == "from-file"


def test_without_a_token_the_blueprint_needs_no_network(monkeypatch):
    for name in ("TELEGRAM_ACCESS_TOKEN", "TELEGRAM_BOT_NAME", "TELEGRAM_WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    channel = TelegramFromEnvironment.from_credentials(None)
    monkeypatch.setattr(
        TelegramFromEnvironment,
        "get_output_channel",
        lambda self: (_ for _ in ()).throw(AssertionError("built Telegram's output channel")),
    )
    assert not channel.enabled
    assert channel.blueprint(on_new_message=None).name == "telegram_webhook"
