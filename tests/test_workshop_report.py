"""The record of a workshop and the report section "How this assessment was made"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor.answers import load_example
from advisor.assess import assess
from advisor.knowledge.load import default_knowledge
from advisor.report import render
from advisor.report.content import build_document
from advisor.workshop.aggregate import aggregate
from advisor.workshop.agree import agreed_answers
from advisor.workshop.model import PARTS, Overrides, Participant, Workshop, WorkshopSettings
from advisor.workshop.record import HowMade, how_made

NOW = dt.datetime(2026, 3, 1, 10, 0)
DAY = dt.date(2026, 3, 2)
EVIL = "<b>Zorbalina</b> **bold** [x](y) | #"


def workshop(names_in_report: bool = False, overrides: dict[str, bool] | None = None) -> Workshop:
    town = load_example("hirado").municipality
    return Workshop(
        code="K7QMX2",
        settings=WorkshopSettings(town=town, names_in_report=names_in_report),
        overrides=Overrides(items=overrides or {}),
        created_at=NOW,
        updated_at=NOW,
    )


def person(name: str, done: list[str], **answers: Any) -> Participant:
    x = load_example("hirado").model_dump(exclude={"municipality"})
    x.update(answers)
    return Participant(
        id=f"id-{name}",
        name=name,
        answers=x,
        parts_done=done,
        updated_at=NOW,
    )


def room_of_three() -> list[Participant]:
    return [
        person(EVIL, list(PARTS), assets=["world_heritage_site", "seaport"]),
        person("Quillbert", list(PARTS), assets=["world_heritage_site"]),
        Participant(
            id="id-cy",
            name="Vexillia",
            answers={"history": {"themes": ["war_memory"]}},
            parts_done=["history"],
            updated_at=NOW,
        ),
    ]


def record(w: Workshop) -> tuple[HowMade, Any, Any]:
    room = aggregate(w, room_of_three())
    agreed = agreed_answers(w, room)
    return how_made(w, room, DAY), agreed, assess(agreed)


def test_the_record_counts_parts_and_sorts_agreement():
    made, _, _ = record(workshop())
    assert made.date == DAY and made.participants == 3 and made.threshold == 0.5
    assert made.answered == {
        "history": 3,
        "specializations": 2,
        "ties": 2,
        "capacity": 2,
        "goals": 2,
    }
    agreed = {i.key for i in made.agreed}
    diverged = {i.key: (i.count, i.answered) for i in made.diverged}
    assert {
        "assets:world_heritage_site",  # 2 of 2
        "assets:seaport",  # 1 of 2: half is enough
        "specializations.themes:tourism",
        "history.themes:trade_port_heritage",  # 2 of 3
    } <= agreed
    assert diverged["history.themes:war_memory"] == (1, 3)
    assert "capacity.written_strategy" not in diverged  # nobody said yes: nothing to split
    assert made.added == [] and made.removed == [] and made.names == []


def test_the_record_lists_only_switches_that_changed_the_outcome():
    w = workshop(
        overrides={
            "history.themes:war_memory": True,
            "assets:seaport": False,
            "assets:world_heritage_site": True,
        }
    )
    made, agreed, _ = record(w)
    assert [i.key for i in made.added] == ["history.themes:war_memory"]
    assert [i.key for i in made.removed] == ["assets:seaport"]
    assert "war_memory" in agreed.history.themes and "seaport" not in agreed.assets


def test_names_are_recorded_only_when_the_facilitator_opts_in():
    assert record(workshop())[0].names == []
    assert record(workshop(names_in_report=True))[0].names == [EVIL, "Quillbert", "Vexillia"]


def test_the_section_comes_only_with_a_workshop_and_before_the_appendix():
    made, agreed, result = record(workshop())
    plain = build_document(agreed, result, today=DAY)
    assert "how_made" not in [s.key for s in plain.sections]
    keys = [s.key for s in build_document(agreed, result, today=DAY, workshop=made).sections]
    assert keys.index("how_made") == keys.index("appendix") - 1
    assert len(keys) == len(plain.sections) + 1


@pytest.fixture(scope="module")
def markdown() -> str:
    made, agreed, result = record(
        workshop(overrides={"history.themes:war_memory": True, "assets:seaport": False})
    )
    return render("md", agreed, result, today=DAY, workshop=made).decode("utf-8")


def section(text: str) -> str:
    start = text.index("## How this assessment was made")
    return text[start : text.index("\n## ", start + 1)]


def test_markdown_section_states_counts_agreement_and_changes(markdown):
    part = section(markdown)
    assert "2 March 2026" in part and "3 people" in part and "50%" in part
    assert "| History and heritage | 3 |" in part
    assert "| Specializations | 2 |" in part
    assert "### Where the room agreed" in part and "### Where the room diverged" in part
    assert "| Specializations | UNESCO World Heritage site | 2 of 2 (100%) |" in part
    k = default_knowledge()
    war, port = k.label("theme", "war_memory"), k.label("asset", "seaport")
    assert f"- Kept by hand: {war}, named by 1 of 3 (33%)" in part
    assert f"- Dropped by hand: {port}, named by 1 of 2 (50%)" in part
    assert f"| History and heritage | {war} | 1 of 3 (33%) |" in part
    assert (
        "Quillbert" not in markdown and "Zorbalina" not in markdown and "Vexillia" not in markdown
    )


def test_a_report_without_workshop_has_no_such_section():
    x = load_example("hirado")
    text = render("md", x, assess(x), today=DAY).decode("utf-8")
    assert "How this assessment was made" not in text


def test_named_participants_are_escaped_in_markdown_and_html():
    made, agreed, result = record(workshop(names_in_report=True))
    md = section(render("md", agreed, result, today=DAY, workshop=made).decode("utf-8"))
    assert (
        "\\<b\\>Zorbalina\\</b\\> \\*\\*bold\\*\\* \\[x\\](y) \\| #, Quillbert and Vexillia" in md
    )
    assert "<b>Zorbalina" not in md and "**bold**" not in md
    html = render("html", agreed, result, today=DAY, workshop=made).decode("utf-8")
    names = "&lt;b&gt;Zorbalina&lt;/b&gt; **bold** [x](y) | #, Quillbert and Vexillia"
    assert names in html
    assert "<b>Zorbalina</b>" not in html
    assert 'id="section-how_made"' in html


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_format_takes_the_section(fmt):
    made, agreed, result = record(workshop())
    with_section = render(fmt, agreed, result, today=DAY, workshop=made)
    without = render(fmt, agreed, result, today=DAY)
    assert len(with_section) > len(without)
