"""The whole wizard in a real browser: Debian's Chromium driven by Playwright.

Starts the app with `streamlit run` on a free port, walks from the welcome page to the
results and the report, downloads the answers file and checks it, and saves screenshots
to artifacts/browser/ (results.png is the one to look at).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from advisor.answers import parse_answers

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the app did not start within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Page]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            viewport={"width": 1400, "height": 1000}, accept_downloads=True
        )
        yield context.new_page()
        browser.close()


IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settle(page: Page) -> None:
    """Wait until the app has finished its rerun: a click on a page that is still being
    redrawn can land on the previous page's button."""
    page.wait_for_timeout(200)
    page.locator(IDLE).wait_for(timeout=30_000)


def next_button(page: Page, name: str = "Next →") -> None:
    settle(page)
    page.get_by_role("button", name=name).click()


def test_whole_wizard_to_results_and_download(page: Page, server: str, tmp_path: Path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(server)
    expect(page.get_by_text("Look Within: find your town's way")).to_be_visible(timeout=30_000)
    next_button(page, "Start →")

    page.get_by_label("Town name").fill("Hirado")
    page.get_by_label("Town name").press("Enter")
    settle(page)
    page.get_by_role("button", name="Use this place").click()
    expect(page.get_by_label("Name of the municipality")).to_have_value("Hirado")
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

    expect(page.get_by_role("heading", name="Reference towns most like yours")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_text("Hirado (Japan): similarity")).to_be_visible()
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
