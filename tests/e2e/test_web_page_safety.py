"""The web page shows what citizens type as text, never as HTML (real headless Chromium)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.test_web_chat import PHONE, browser, say  # noqa: F401  (browser is a fixture)

MARKUP = '<img src="x" onerror="window.__injected = 1"><b id="injected">bold</b><script>window.__injected = 2</script>'


def test_markup_typed_by_a_citizen_is_shown_as_text_and_never_run(assistant, browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(f"{assistant.rasa_url}/chat/")
    conversation = page.locator(".rw-messages-container")
    expect(conversation).to_contain_text("What would you like to know?", timeout=30_000)
    say(page, MARKUP)
    expect(conversation).to_contain_text('<b id="injected">bold</b>', timeout=30_000)  # the characters, shown
    expect(conversation.locator(".rw-response").last).to_be_visible(timeout=30_000)  # the assistant replied
    assert page.evaluate("window.__injected") is None
    assert conversation.locator("#injected, img[src='x'], script").count() == 0
    context.close()
