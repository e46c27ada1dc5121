"""The language as a reader meets it in a real browser: the browser's own language opens
the page in it, the page's lang attribute follows, the switcher changes the page, and a
reload keeps the choice (issue 12)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import settle

pytestmark = pytest.mark.browser


def test_the_browser_language_the_switcher_and_a_reload(browser: Browser, server: str):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(server)
        settle(page)
        expect(page.get_by_text("足元を見つめる").first).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "ja")
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("combobox", name="言語").click()
        page.get_by_role("option", name="Français").click()
        settle(page)
        expect(page.get_by_text("regarder en soi").first).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        assert "lang=fr" in page.url
        page.reload()  # the saved draft reopens, still in French
        settle(page)
        expect(page.get_by_text("Recommencer").first).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "fr")
    finally:
        context.close()
