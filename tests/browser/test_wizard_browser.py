"""The whole wizard in a real browser: Debian's Chromium driven by Playwright.

Starts the app with `streamlit run` on a free port, walks from the welcome page to the
results and the report, downloads the answers file and checks it, and saves screenshots
to artifacts/browser/ (results.png is the one to look at).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from advisor.answers import parse_answers
from tests.browser.conftest import ARTIFACTS, pick_town, settle

pytestmark = pytest.mark.browser


def next_button(page: Page, name: str = "Next →") -> None:
    settle(page)
    page.get_by_role("button", name=name).click()


def test_whole_wizard_to_results_and_download(page: Page, server: str, tmp_path: Path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(server)
    expect(page.get_by_text("Look Within: find your town's way")).to_be_visible(timeout=30_000)
    next_button(page, "Start →")

    settle(page)
    pick_town(page, "Hirado")
    next_button(page)

    expect(page.get_by_role("heading", name="History and heritage")).to_be_visible()
    page.get_by_text("Trading-port heritage", exact=True).click()
    page.get_by_text("Missionary and faith links", exact=True).click()
    settle(page)
    page.get_by_role("button", name="+ Add a connection").click()
    page.get_by_label("Place abroad").fill("Noordwijk")
    page.get_by_label("Place abroad").press("Tab")
    next_button(page)
    expect(page.get_by_role("heading", name="Specializations")).to_be_visible()
    next_button(page)
    expect(page.get_by_role("heading", name="Existing ties")).to_be_visible()
    next_button(page)
    expect(page.get_by_role("heading", name="Capacity and goals")).to_be_visible()
    next_button(page, "See the results →")

    expect(page.get_by_role("heading", name="What to do first")).to_be_visible(timeout=30_000)
    page.get_by_role("tab", name="Reference cases").click()
    expect(
        page.get_by_text(re.compile(r"Hirado \(Japan\): \w+ similarity \(\d+%\)"))
    ).to_be_visible()
    page.get_by_role("tab", name="Networks").click()
    expect(page.get_by_role("heading", name="Networks that do not fit, and why")).to_be_visible()
    page.set_viewport_size({"width": 1400, "height": 6000})  # the page scrolls inside the app
    page.wait_for_timeout(1500)  # let the plotly charts draw before the screenshot
    page.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 1000})

    next_button(page, "To the report →")
    expect(page.get_by_role("heading", name="Your answers")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="⬇ Download answers").last.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    answers = parse_answers(saved.read_text(encoding="utf-8"), saved.name)
    assert answers.municipality.name == "Hirado" and answers.municipality.geonameid == 1862555
    assert {"trade_port_heritage", "missionary_faith"} <= set(answers.history.themes)
    assert answers.progress.last_step == "report"
    with page.expect_download() as report:
        page.get_by_role("button", name="⬇ PDF").click()
    pdf = tmp_path / report.value.suggested_filename
    report.value.save_as(pdf)
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert "hirado" in pdf.name
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
