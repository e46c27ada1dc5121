"""A real server and Debian's Chromium for the browser tests.

The server runs ``streamlit run app.py`` on a free port with the test store (a throwaway
SQLite file set by tests/conftest.py); pages are driven by Playwright.
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
from playwright.sync_api import Browser, Page, expect, sync_playwright

from bench.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(app: Path = ROOT / "app.py") -> tuple[subprocess.Popen[bytes], str]:
    """``streamlit run`` on a free port, once it answers its health check."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    command += ["--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    pytest.fail("the app did not start within 60 s")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    process, url = start_server()
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/system-packages)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no shared state with other tests) at a laptop's size."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield context.new_page()
    context.close()


def settle(page: Page) -> None:
    """Wait until the app has finished its rerun: a click on a page that is still being
    redrawn can land on the previous page's button."""
    page.wait_for_timeout(200)
    page.locator(IDLE).wait_for(timeout=30_000)


def pick_town(page: Page, name: str) -> None:
    """On the town step: search the gazetteer for ``name`` and use the first hit."""
    page.get_by_label("Town name").fill(name)
    page.get_by_label("Town name").press("Enter")
    settle(page)
    page.get_by_role("button", name="Use this place").click()
    settle(page)  # while the page reruns, the old and the new field are both on it
    expect(page.get_by_role("textbox", name="Name of the municipality").last).to_have_value(name)
