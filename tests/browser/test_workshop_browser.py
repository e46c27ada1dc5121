"""A workshop in real browsers: a facilitator and three participants, each in a browser
context of their own (one at a phone's size), to an agreed report.

Saves artifacts/browser/workshop-dashboard.png (the projector's view) and
artifacts/browser/workshop-phone.png (a participant's phone screen).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect
from pypdf import PdfReader

from tests.browser.conftest import ARTIFACTS, settle

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
LAPTOP: ViewportSize = {"width": 1400, "height": 1000}


def context(browser: Browser, viewport: ViewportSize) -> BrowserContext:
    return browser.new_context(viewport=viewport, accept_downloads=True)


def create_workshop(page: Page, server: str) -> tuple[str, str]:
    """Through the create page: Hirado from the gazetteer, every part open."""
    page.goto(f"{server}/?ws=new")
    expect(page.get_by_role("heading", name="Run a workshop")).to_be_visible(timeout=30_000)
    page.get_by_text("Search the gazetteer", exact=True).click()
    settle(page)
    page.get_by_label("Town name").fill("Hirado")
    page.get_by_label("Town name").press("Enter")
    settle(page)
    page.get_by_role("button", name="Create the workshop").click()
    expect(page.get_by_text("Keep this secret link")).to_be_visible(timeout=30_000)
    query = parse_qs(urlsplit(page.url).query)
    return query["ws"][0], query["key"][0]


def join(page: Page, server: str, code: str, name: str, *, typed: bool) -> None:
    """Join by the link (as the QR code opens it) or by typing the code."""
    if typed:
        page.goto(f"{server}/?join=")
        page.get_by_label("Join code (on the facilitator's screen)").fill(
            f"{code[:4]}-{code[4:]}".lower()
        )
        page.get_by_role("button", name="Find the workshop").click()
    else:
        page.goto(f"{server}/?join={code}")
    expect(page.get_by_text("Workshop for Hirado")).to_be_visible(timeout=30_000)
    page.get_by_role("textbox", name="Your name (optional)").fill(name)
    page.get_by_role("button", name="Join", exact=True).click()
    expect(page.get_by_role("heading", name="History and heritage")).to_be_visible(timeout=30_000)
    settle(page)


def answer_history(page: Page, themes: list[str]) -> None:
    for theme in themes:
        page.get_by_text(theme, exact=True).click()
        settle(page)
    page.get_by_role("button", name="Next →").click()
    expect(page.get_by_role("heading", name="Specializations")).to_be_visible(timeout=30_000)
    settle(page)


def test_a_room_of_three_reaches_an_agreed_report(browser: Browser, server: str, tmp_path: Path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    contexts = [context(browser, LAPTOP) for _ in range(3)] + [context(browser, PHONE)]
    try:
        facilitator, first, second, phone = (c.new_page() for c in contexts)
        code, _ = create_workshop(facilitator, server)
        expect(facilitator.get_by_text("Nobody has joined yet")).to_be_visible()

        join(first, server, code, "Aiko", typed=True)
        answer_history(first, ["Trading-port heritage", "Missionary and faith links"])
        join(second, server, code, "Ben", typed=False)
        answer_history(second, ["Trading-port heritage"])
        join(phone, server, code, "Chiara", typed=False)
        phone.get_by_text("Trading-port heritage", exact=True).click()
        settle(phone)
        phone.screenshot(path=str(ARTIFACTS / "workshop-phone.png"), full_page=True)
        answer_history(phone, [])

        # the dashboard refreshes by itself: no reload, no click
        expect(facilitator.get_by_text("3 joined")).to_be_visible(timeout=30_000)
        expect(facilitator.get_by_text(re.compile(r"Chiara: 1 of 5 parts"))).to_be_visible(
            timeout=30_000
        )
        facilitator.get_by_text("History and heritage (", exact=False).first.click()
        kept = facilitator.get_by_text(re.compile(r"^Trading-port heritage: 3 of 3"))
        expect(kept).to_be_visible(timeout=30_000)
        divergent = facilitator.get_by_text(re.compile(r"^Missionary and faith links: 1 of 3"))
        expect(divergent).to_be_visible()
        facilitator.wait_for_timeout(1500)  # let the charts draw before the screenshot
        facilitator.screenshot(path=str(ARTIFACTS / "workshop-dashboard.png"), full_page=True)

        # settle: keep the missionary links by hand, then the advice and the report
        divergent.click()
        expect(facilitator.get_by_text(re.compile(r"1 of 3 · decided by hand"))).to_be_visible(
            timeout=30_000
        )
        facilitator.get_by_role("button", name="See the advice for the agreed answers").click()
        expect(facilitator.get_by_role("heading", name="What to do first")).to_be_visible(
            timeout=60_000
        )
        settle(facilitator)
        with facilitator.expect_download(timeout=60_000) as report:
            facilitator.get_by_role("button", name="⬇ PDF").click()
        pdf = tmp_path / report.value.suggested_filename
        report.value.save_as(pdf)
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
        assert "How this assessment was made" in text
        assert "Aiko" not in text  # no names unless the facilitator opts in
    finally:
        for c in contexts:
            c.close()
