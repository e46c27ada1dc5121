"""Beyond one server: two app servers on two ports share one PostgreSQL, and a participant
who answers on one appears on the facilitator's dashboard served by the other.

Nothing passes between the two servers but the database: no shared session, no sticky
routing. So the facilitator's server can only learn of the participant by reading the
store on its dashboard's own refresh, which is what replicas behind a load balancer rely on.
The PostgreSQL comes from ``LOOK_WITHIN_TEST_POSTGRES_URL`` (skipped with the reason
without it, a failure in CI), emptied first so both servers migrate it from nothing at
the same time (the advisory lock is exercised too).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from advisor.model.assessment import Municipality
from advisor.store.database import forget, open_database
from advisor.workshop.model import WorkshopSettings
from advisor.workshop.store import Created, WorkshopStore
from tests.browser.conftest import settle, start_server
from tests.store_fixtures import empty_postgres, postgres_url

pytestmark = pytest.mark.browser

LAPTOP: ViewportSize = {"width": 1400, "height": 1000}
THEME = "Trading-port heritage"


@pytest.fixture(scope="module")
def shared_url() -> Iterator[str]:
    """The test PostgreSQL, emptied, for this module's servers and store."""
    url = postgres_url()
    forget(url)
    empty_postgres(url)
    yield url
    forget(url)


@pytest.fixture(scope="module")
def servers(shared_url: str) -> Iterator[tuple[str, str]]:
    """Two ``streamlit run`` servers, each its own process, both on the shared database.

    tests/conftest.py points every process at a throwaway SQLite file; here the servers'
    environment names the PostgreSQL instead (start_server copies os.environ)."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("LOOK_WITHIN_DATABASE_URL", shared_url)
            first, url_a = start_server()
            started.append(first)
            second, url_b = start_server()
            started.append(second)
        assert url_a != url_b
        yield url_a, url_b
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=10)


def new_page(browser: Browser, contexts: list[BrowserContext]) -> Page:
    """A page in a browser context of its own (no cookies or storage shared)."""
    context = browser.new_context(viewport=LAPTOP)
    contexts.append(context)
    return context.new_page()


def test_a_participant_on_one_server_appears_on_the_dashboard_of_the_other(
    browser: Browser, servers: tuple[str, str], shared_url: str
):
    server_a, server_b = servers
    store = WorkshopStore(open_database(shared_url))
    town = Municipality(name="Hirado", country="JP", population=29000)
    made: Created = store.create(WorkshopSettings(town=town))
    contexts: list[BrowserContext] = []
    try:
        facilitator = new_page(browser, contexts)
        facilitator.goto(f"{server_a}/?ws={made.code}&key={made.facilitator_key}")
        expect(facilitator.get_by_text("Nobody has joined yet")).to_be_visible(timeout=30_000)
        # A mark in the page's JavaScript: a reload or a navigation would wipe it, so its
        # survival at the end shows the dashboard changed by its own refresh.
        facilitator.evaluate("window.__notReloaded = true")

        participant = new_page(browser, contexts)
        participant.goto(f"{server_b}/?join=")
        participant.get_by_label("Join code (on the facilitator's screen)").fill(made.code)
        participant.get_by_role("button", name="Find the workshop").click()
        expect(participant.get_by_text("Workshop for Hirado")).to_be_visible(timeout=30_000)
        participant.get_by_role("textbox", name="Your name (optional)").fill("Dana")
        participant.get_by_role("button", name="Join", exact=True).click()
        expect(participant.get_by_role("heading", name="History and heritage")).to_be_visible(
            timeout=30_000
        )
        settle(participant)
        participant.get_by_text(THEME, exact=True).click()
        settle(participant)

        # Server B wrote to the shared database (not to a store of its own) ...
        (person,) = store.participants(made.code, made.facilitator_key)
        assert person.name == "Dana"
        assert "trade_port_heritage" in person.answers.history.themes

        # ... and server A's dashboard shows it by itself: no reload, no click.
        expect(facilitator.get_by_text("1 joined")).to_be_visible(timeout=30_000)
        expect(facilitator.get_by_text(re.compile(r"Dana: 1 of 5 parts"))).to_be_visible(
            timeout=30_000
        )
        facilitator.get_by_text("History and heritage (", exact=False).first.click()
        share = facilitator.get_by_text(re.compile(rf"^{THEME}: 1 of 1"))
        expect(share).to_be_visible(timeout=30_000)
        assert facilitator.evaluate("window.__notReloaded === true")
        assert facilitator.url.startswith(server_a)
    finally:
        for context in contexts:
            context.close()
