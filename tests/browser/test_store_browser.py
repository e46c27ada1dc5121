"""Answers survive what people do in a real browser: reload, Back and Forward, a second
device with the link; and the sidebar download holds exactly what is on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from advisor.answers import parse_answers
from tests.browser.conftest import pick_town, settle

pytestmark = pytest.mark.browser
NOTE = "Dutch trading post 1609-1641, Hirado Dutch Trading Post rebuilt 2011"


def start_town(page: Page, server: str) -> None:
    """Open the app, press Start and pick the town from the gazetteer (enough to go on)."""
    page.goto(server)
    settle(page)
    page.get_by_role("button", name="Start →").click()
    settle(page)
    pick_town(page, "Hirado")


def notes(page: Page):
    return page.get_by_role("textbox", name="Notes on your history")


def theme(page: Page, label: str):
    return page.get_by_role("checkbox", name=label, exact=True)


def download_answers(page: Page, tmp_path: Path):
    sidebar = page.locator('[data-testid="stSidebar"]')
    with page.expect_download() as download:
        sidebar.get_by_role("button", name="⬇ Download answers").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    return parse_answers(saved.read_text(encoding="utf-8"), saved.name)


def test_reload_back_forward_and_a_second_device_keep_every_answer(
    page: Page, server: str, browser: Browser
):
    start_town(page, server)
    assert "draft=" in page.url
    link = page.url
    page.get_by_role("button", name="Next →").click()
    settle(page)
    page.get_by_text("Trading-port heritage", exact=True).click()
    settle(page)
    notes(page).fill(NOTE)
    notes(page).press("Tab")
    settle(page)

    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="History and heritage")).to_be_visible()
    expect(theme(page, "Trading-port heritage")).to_be_checked()
    expect(notes(page)).to_have_value(NOTE)

    page.go_back()
    page.go_forward()
    settle(page)
    expect(notes(page)).to_have_value(NOTE, timeout=30_000)

    other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    other.goto(link)
    settle(other)
    expect(notes(other)).to_have_value(NOTE, timeout=30_000)
    other.context.close()


def test_sidebar_download_holds_what_is_on_screen(page: Page, server: str, tmp_path: Path):
    start_town(page, server)
    page.get_by_role("button", name="Next →").click()
    settle(page)
    page.get_by_text("Missionary and faith links", exact=True).click()
    settle(page)
    saved = download_answers(page, tmp_path)
    assert "missionary_faith" in saved.history.themes

    notes(page).fill(NOTE)  # typed, and downloaded at once
    saved = download_answers(page, tmp_path)
    assert saved.history.notes == NOTE


def test_the_upload_box_states_only_the_real_limit(page: Page, server: str):
    page.goto(server)
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("Resume from an answers file (up to 256 KB)")).to_be_visible()
    expect(sidebar.get_by_text("1MB per file")).to_be_hidden()
