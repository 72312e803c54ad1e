"""The web page in real headless Chromium (Debian's package) on a phone-sized screen:
ask, click an answer button, get the concrete answer, use a button by keyboard, reload;
the same in Chinese for a Chinese browser, with the glyphs drawn (Debian's fonts-noto-cjk),
and the switch to the other language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium on this machine's closed network: no background connections, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 780}
SCREENSHOT = ROOT / "results" / "web-chat.png"
SCREENSHOT_ZH = ROOT / "results" / "web-chat-zh.png"
# Draws a text in the page's own font stack and returns its pixels, to tell glyphs from "tofu" boxes.
PIXELS_OF = """text => {
  const canvas = document.createElement("canvas");
  canvas.width = 240; canvas.height = 60;
  const context = canvas.getContext("2d");
  context.font = "40px " + getComputedStyle(document.body).fontFamily;
  context.fillText(text, 0, 45);
  return Array.from(context.getImageData(0, 0, 240, 60).data).join(",");
}"""


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
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
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
    expect(conversation).to_contain_text("pays your benefits again from 1 June 2026", timeout=30_000)

    why = page.locator(".rw-reply", has_text="Why?").last
    why.focus()  # answer buttons take the keyboard focus ...
    page.keyboard.press("Enter")  # ... and Enter presses them
    expect(conversation).to_contain_text("How I reached this answer", timeout=30_000)
    # "March 2026" is a month without its day: the trace says the day it was read as (the safe one)
    expect(conversation).to_contain_text("payment date = 31 March 2026", timeout=30_000)  # the trace's last step
    page.locator(".rw-reply", has_text="Sources").last.click()  # the citations stay one click away
    expect(conversation).to_contain_text("How to operate the medical insurance online?", timeout=30_000)

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    assert elsewhere == []  # everything comes from the assistant's own server: no CDN, no web fonts
    page.reload()
    expect(page.locator(".rw-messages-container")).to_contain_text(
        "pays your benefits again from 1 June 2026", timeout=30_000
    )
    expect(page.locator(".rw-messages-container")).to_contain_text("payment date = 31 March 2026")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    context.close()


def test_a_chinese_browser_gets_the_page_and_the_answers_in_chinese_and_can_switch(assistant, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{assistant.rasa_url}/chat/")
    conversation = page.locator(".rw-messages-container")
    expect(conversation).to_contain_text("请问您想了解什么", timeout=30_000)  # the greeting, in Chinese
    expect(page.locator("#page-title")).to_have_text("医保政策咨询助手")
    assert page.locator(".rw-new-message").get_attribute("placeholder") == "请输入您的问题…"

    say(page, "医保断缴了，补交以后啥时候能用？")
    expect(conversation).to_contain_text("您已经补缴了", timeout=30_000)
    page.locator(".rw-reply", has_text="已补缴").first.click()
    expect(conversation).to_contain_text("断缴了多长时间", timeout=30_000)
    say(page, "一百天")
    expect(conversation).to_contain_text("哪天补缴", timeout=30_000)
    say(page, "今年3月")
    expect(conversation).to_contain_text("2026年6月1日", timeout=30_000)

    # The Chinese glyphs are drawn with a real font, not as the boxes of a missing one.
    assert page.evaluate(PIXELS_OF, "医保") != page.evaluate(PIXELS_OF, "\ue000\ue001")
    assert page.evaluate(PIXELS_OF, "医保") != page.evaluate(PIXELS_OF, "")
    SCREENSHOT_ZH.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_ZH), full_page=True)

    page.locator("#language-switch").click()  # "English": the page reloads in English and tells the assistant
    expect(page.locator("#page-title")).to_have_text("Medical insurance assistant", timeout=30_000)
    expect(page.locator(".rw-messages-container")).to_contain_text("I will answer in English", timeout=30_000)
    expect(page.locator(".rw-messages-container")).to_contain_text("2026年6月1日")  # the same conversation
    context.close()


def test_the_page_and_widget_are_served_without_a_cdn(assistant):
    page = requests.get(f"{assistant.rasa_url}/chat/", timeout=10)
    assert page.ok and 'src="webchat.js"' in page.text and "http" not in page.text.split("<script", 1)[1].split(">")[0]
    widget = requests.get(f"{assistant.rasa_url}/chat/webchat.js", timeout=10)
    assert (
        widget.ok
        and widget.headers["content-type"].startswith("application/javascript")
        and len(widget.content) > 100_000
    )


def test_telegram_is_off_without_its_token(assistant):
    reply = requests.post(f"{assistant.rasa_url}/webhooks/telegram/webhook", json={}, timeout=10)
    assert reply.status_code == 503 and "TELEGRAM_ACCESS_TOKEN" in reply.text
