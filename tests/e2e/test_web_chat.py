"""The web page in real headless Chromium (Debian's package) on a phone-sized screen:
ask, click an answer button, get the concrete answer, use a button by keyboard, reload."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium on this machine's closed network: no background connections, no sandbox as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 780}
SCREENSHOT = ROOT / "results" / "web-chat.png"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system-packages` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def say(page: Page, text: str) -> None:
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")


def test_a_citizen_chats_on_the_web_page(assistant, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda request: request.url.startswith(assistant.rasa_url) or elsewhere.append(request.url))
    page.goto(f"{assistant.rasa_url}/chat/")
    conversation = page.locator(".rw-messages-container")
    expect(conversation).to_contain_text("What would you like to know?", timeout=30_000)  # the greeting

    say(page, "when can i use my insurance again after missing some payments")
    expect(conversation).to_contain_text("paid (or will you pay)", timeout=30_000)
    page.locator(".rw-reply", has_text="Yes").first.click()
    expect(conversation).to_contain_text("How long were your contributions interrupted", timeout=30_000)
    say(page, "100 days")
    expect(conversation).to_contain_text("When did you pay", timeout=30_000)
    say(page, "March 2026")
    expect(conversation).to_contain_text("covered again from 1 June 2026", timeout=30_000)

    why = page.locator(".rw-reply", has_text="Why?").last
    why.focus()  # answer buttons take the keyboard focus ...
    page.keyboard.press("Enter")  # ... and Enter presses them
    expect(conversation).to_contain_text("How I reached this answer", timeout=30_000)
    expect(conversation).to_contain_text("payment_date = 2026-03-01", timeout=30_000)  # the trace's last step

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    assert elsewhere == []  # everything comes from the assistant's own server: no CDN, no web fonts
    page.reload()
    expect(page.locator(".rw-messages-container")).to_contain_text("covered again from 1 June 2026", timeout=30_000)
    expect(page.locator(".rw-messages-container")).to_contain_text("payment_date = 2026-03-01")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    context.close()


def test_the_page_and_widget_are_served_without_a_cdn(assistant):
    page = requests.get(f"{assistant.rasa_url}/chat/", timeout=10)
    assert page.ok and 'src="webchat.js"' in page.text and "http" not in page.text.split("<script", 1)[1].split(">")[0]
    widget = requests.get(f"{assistant.rasa_url}/chat/webchat.js", timeout=10)
    assert widget.ok and widget.headers["content-type"].startswith("application/javascript") and len(widget.content) > 100_000


def test_telegram_is_off_without_its_token(assistant):
    reply = requests.post(f"{assistant.rasa_url}/webhooks/telegram/webhook", json={}, timeout=10)
    assert reply.status_code == 503 and "TELEGRAM_ACCESS_TOKEN" in reply.text
