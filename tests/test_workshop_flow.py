"""Workshop page decisions without Streamlit: routing, links, moving through the parts,
the room's fingerprint and the share chart's escaping."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from advisor.model.assessment import Municipality
from advisor.workshop.chart import AGREED, DIVERGENT, Bar, share_spec
from advisor.workshop.flow import (
    Route,
    facilitator_link,
    open_parts,
    part_at,
    participant_link,
    progress,
    room_digest,
    route,
    step_to,
    with_done,
)
from advisor.workshop.model import Participant, Workshop, WorkshopSettings

NOW = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


def workshop(parts: list[str] | None = None, **changes: object) -> Workshop:
    settings = WorkshopSettings(
        town=Municipality(name="Hirado", country="JP", population=29000),
        **({"parts": parts} if parts else {}),
    )
    return Workshop(code="K7QF3XRA", settings=settings, created_at=NOW, updated_at=NOW, **changes)


def person(pid: str, minutes: int = 0, done: list[str] | None = None) -> Participant:
    return Participant(
        id=pid, updated_at=NOW + dt.timedelta(minutes=minutes), parts_done=done or []
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Route("wizard")),
        ({"draft": "abc"}, Route("wizard")),
        ({"ws": "new"}, Route("create")),
        ({"ws": ""}, Route("create")),
        ({"ws": "k7qf-3xra", "key": "s"}, Route("dashboard", code="K7QF3XRA", key="s")),
        ({"ws": "K7QF3XRA"}, Route("dashboard", code="K7QF3XRA")),
        ({"join": ""}, Route("join")),
        ({"join": "K7QF3XRA"}, Route("join", code="K7QF3XRA")),
        ({"join": "K7QF3XRA", "p": "id"}, Route("participate", code="K7QF3XRA", participant="id")),
        ({"join": "", "p": "id"}, Route("join", participant="id")),
        ({"join": "X", "ws": "new"}, Route("join", code="X")),
    ],
)
def test_the_address_names_the_page(params, expected):
    assert route(params) == expected


def test_links_carry_the_code_and_key_on_the_apps_own_address():
    base = "https://look.example.org/app?draft=old#top"
    joined = participant_link(base, "K7QF3XRA")
    assert joined == "https://look.example.org/app?join=K7QF3XRA"
    secret = urlsplit(facilitator_link(base, "K7QF3XRA", "a-b_c"))
    assert secret.netloc == "look.example.org"
    assert parse_qs(secret.query) == {"ws": ["K7QF3XRA"], "key": ["a-b_c"]}
    assert participant_link("", "K7QF3XRA").startswith("http://localhost:8501/?join=")


def test_open_parts_keep_the_wizard_order_and_moves_stay_inside():
    w = workshop(parts=["goals", "history", "ties"])
    parts = open_parts(w)
    assert parts == ["history", "ties", "goals"]
    assert step_to(parts, 0, -1) == 0
    assert step_to(parts, 0, +1) == 1
    assert step_to(parts, 2, +1) == 2
    assert part_at(parts, 7) == "goals" and part_at(parts, -3) == "history"


def test_done_parts_are_ordered_and_only_open_ones_count():
    parts = ["history", "ties"]
    assert with_done([], "ties", parts) == ["ties"]
    assert with_done(["ties"], "history", parts) == ["history", "ties"]
    assert with_done(["goals", "ties"], "ties", parts) == ["ties"]
    assert progress(person("a", done=["history", "goals"]), parts) == (1, 2)


def test_the_room_fingerprint_changes_with_any_save_and_only_then():
    w = workshop()
    room = [person("a"), person("b")]
    same = room_digest(w, [person("a"), person("b")])
    assert room_digest(w, room) == same
    assert room_digest(w, [person("a"), person("b", minutes=1)]) != same
    assert room_digest(w, [*room, person("c")]) != same
    assert room_digest(w.model_copy(update={"status": "closed"}), room) != same
    later = w.model_copy(update={"updated_at": NOW + dt.timedelta(seconds=1)})
    assert room_digest(later, room) != same


def test_the_share_chart_orders_colours_and_escapes_typed_labels():
    bars = [
        Bar("<b>Ypres</b> & co", 0.25, 1, 4, kept=False),
        Bar("Missionary", 0.75, 3, 4, kept=True),
    ]
    spec = share_spec(bars, 0.5, "rule <i>")
    trace = spec["data"][0]
    assert trace["y"] == ["Missionary", "&lt;b&gt;Ypres&lt;/b&gt; &amp; co"]
    assert trace["x"] == [0.75, 0.25]
    assert trace["marker"]["color"] == [AGREED, DIVERGENT]
    assert trace["text"] == ["3/4", "1/4"]
    assert spec["layout"]["shapes"][0]["x0"] == 0.5
    assert spec["layout"]["annotations"][0]["text"] == "rule &lt;i&gt;"
