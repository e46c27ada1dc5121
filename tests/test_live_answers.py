"""The sidebar download waits for the page run that a click came with."""

from __future__ import annotations

import threading
import time

from advisor.model.assessment import Assessment, Municipality
from advisor.ui.live import LiveAnswers


def named(name: str) -> Assessment:
    return Assessment(municipality=Municipality(name=name))


def test_settled_waits_for_the_run_under_way_and_returns_its_answers():
    live = LiveAnswers(named("before"))
    live.run_started()

    def page_run() -> None:
        time.sleep(0.4)
        live.set(named("after"))
        live.run_ended()

    threading.Thread(target=page_run).start()
    started = time.monotonic()
    assert live.settled(grace=0.0).municipality.name == "after"
    assert time.monotonic() - started >= 0.35


def test_settled_gives_a_run_asked_for_with_the_click_time_to_begin():
    live = LiveAnswers(named("before"))

    def run_that_starts_late() -> None:
        time.sleep(0.05)
        live.run_started()
        time.sleep(0.2)
        live.set(named("typed note"))
        live.run_ended()

    threading.Thread(target=run_that_starts_late).start()
    assert live.settled(grace=0.15).municipality.name == "typed note"


def test_settled_does_not_wait_for_ever():
    live = LiveAnswers(named("stuck"))
    live.run_started()
    started = time.monotonic()
    assert live.settled(grace=0.0, timeout=0.2).municipality.name == "stuck"
    assert time.monotonic() - started < 1.0
