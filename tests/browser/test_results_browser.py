"""The results page in a real browser: it leads with the advice on a projector's first
screen, every step opens at its heading, and a phone's sidebar gets out of the way.

Debian's Chromium driven by Playwright against a real `streamlit run` server, like
test_wizard_browser.py. Saves artifacts/browser/results-first-screen.png.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from advisor.answers import load_example
from advisor.assess import assess
from advisor.headline import first_steps
from tests.browser.conftest import ARTIFACTS, settle

pytestmark = pytest.mark.browser
PROJECTOR: ViewportSize = {"width": 1280, "height": 720}
PHONE: ViewportSize = {"width": 390, "height": 844}
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'


def open_page(browser: Browser, url: str, viewport: ViewportSize) -> Page:
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(url)
    expect(page.get_by_text("Look Within: find your town's way")).to_be_visible(timeout=30_000)
    settle(page)
    return page


def load_hirado(page: Page) -> None:
    """The example picker shows town and country; Hirado comes first."""
    page.get_by_text("Try it with an example town").click()
    expect(page.get_by_role("combobox", name="Example")).to_have_value("Hirado (Japan)")
    settle(page)
    page.get_by_role("button", name="Load this example").click()
    expect(page.get_by_role("heading", name="What to do first")).to_be_visible(timeout=30_000)
    settle(page)


def main_scroll(page: Page) -> float:
    return page.evaluate(f"() => document.querySelector('{MAIN}').scrollTop + window.scrollY")


def sidebar_open(page: Page) -> bool:
    """Whether the sidebar covers any of the page (Streamlit keeps it in the DOM, moved
    off-screen, when it is collapsed)."""
    box = page.locator(SIDEBAR).bounding_box()
    return box is not None and box["x"] + box["width"] > 1


def test_first_screen_leads_with_the_first_steps(browser: Browser, server: str) -> None:
    page = open_page(browser, server, PROJECTOR)
    load_hirado(page)
    page.wait_for_timeout(800)  # the step-change script scrolls up within half a second
    assert main_scroll(page) == 0
    titles = [s.title for s in first_steps(assess(load_example("hirado")))]
    assert len(titles) == 3
    for title in titles:
        box = page.get_by_text(title, exact=False).first.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] < 720, title
    expect(page.get_by_text("Because:").first).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results-first-screen.png"))

    page.get_by_role("tab", name="Partner towns").click()
    expect(page.get_by_text("Tainan").first).to_be_visible()
    page.get_by_role("tab", name="Networks").click()
    expect(page.get_by_role("heading", name="Networks that do not fit, and why")).to_be_visible()
    page.close()


def test_a_new_step_opens_at_its_heading(browser: Browser, server: str) -> None:
    page = open_page(browser, server, PROJECTOR)
    load_hirado(page)
    to_report = page.get_by_role("button", name="To the report →")
    to_report.scroll_into_view_if_needed()
    assert main_scroll(page) > 300  # the button is far down the results page
    to_report.click()
    heading = page.get_by_role("heading", name="Report", exact=True)
    expect(heading).to_be_visible(timeout=30_000)
    settle(page)
    page.wait_for_timeout(800)
    assert main_scroll(page) == 0
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 720

    page.get_by_role("button", name="Done ✓").click()
    expect(page.get_by_text("The self-assessment is complete.").first).to_be_visible()
    page.close()


def test_presentation_mode_hides_the_sidebar_and_enlarges_type(
    browser: Browser, server: str
) -> None:
    page = open_page(browser, server, PROJECTOR)
    load_hirado(page)
    size = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
    normal = page.evaluate(size)
    assert sidebar_open(page)
    page.get_by_text("Presentation mode").click()
    settle(page)
    expect(page.locator(SIDEBAR)).to_be_hidden()
    assert page.evaluate(size) > normal
    assert "present=1" in page.url
    page.close()


def test_a_phone_sidebar_closes_after_a_jump(browser: Browser, server: str) -> None:
    page = open_page(browser, server, PHONE)
    load_hirado(page)
    page.wait_for_timeout(800)
    assert not sidebar_open(page)
    page.get_by_test_id("stExpandSidebarButton").click()
    page.wait_for_timeout(500)
    assert sidebar_open(page)
    page.locator(SIDEBAR).get_by_role("button", name="2. Your town").click()
    expect(page.get_by_role("heading", name="Your town", exact=True)).to_be_visible(timeout=30_000)
    settle(page)
    page.wait_for_timeout(800)
    assert not sidebar_open(page)
    page.screenshot(path=str(ARTIFACTS / "phone-after-jump.png"))
    page.close()
