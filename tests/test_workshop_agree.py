"""The agreed answers: the rule, the facilitator's switches, and a room of one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor.answers import dump_answers, example_names, load_example, parse_answers
from advisor.assess import assess
from advisor.model.assessment import MAX_ITEMS, Assessment
from advisor.workshop.aggregate import aggregate, gazetteer_resolver
from advisor.workshop.agree import agreed_answers
from advisor.workshop.model import PARTS, Overrides, Participant, Workshop, WorkshopSettings

NOW = dt.datetime(2026, 3, 1, 10, 0)
TOWN = {"name": "Hirado", "country": "JP", "population": 29000}


def workshop(
    threshold: float = 0.5,
    overrides: dict[str, bool] | None = None,
    parts: list[str] | None = None,
    **settings: Any,
) -> Workshop:
    return Workshop(
        code="K7QMX2",
        settings=WorkshopSettings(
            town=settings.pop("town", TOWN),
            parts=parts or list(PARTS),
            threshold=threshold,
            **settings,
        ),
        overrides=Overrides(items=overrides or {}),
        created_at=NOW,
        updated_at=NOW,
    )


def person(name: str, **answers: Any) -> Participant:
    return Participant(
        id=f"id-{name}", name=name, answers=Assessment.model_validate(answers), updated_at=NOW
    )


def agreed(w: Workshop, people: list[Participant], **kw: Any) -> Assessment:
    return agreed_answers(w, aggregate(w, people, **kw))


def themes_room(counts: dict[str, int], size: int) -> list[Participant]:
    """``size`` people who all answered history; theme ``t`` ticked by ``counts[t]`` of them."""
    return [
        Participant(
            id=str(i),
            name=str(i),
            answers=Assessment.model_validate(
                {"history": {"themes": [t for t, n in counts.items() if i < n]}}
            ),
            parts_done=["history"],
            updated_at=NOW,
        )
        for i in range(size)
    ]


@pytest.mark.parametrize("name", example_names())
def test_a_room_of_one_gives_back_that_answers_file(name):
    x = load_example(name)
    w = workshop(town=x.municipality)
    one = Participant(id="1", name="Solo", answers=x, parts_done=list(PARTS), updated_at=NOW)
    result = agreed(w, [one], resolver=gazetteer_resolver())
    assert result.model_dump(exclude={"progress"}) == x.model_dump(exclude={"progress"})
    assert assess(result).model_dump() == assess(x).model_dump()


def test_half_is_enough_by_default_and_the_threshold_moves_the_line():
    room = themes_room({"war_memory": 4, "tourism": 2, "agriculture": 1}, size=4)
    assert agreed(workshop(), room).history.themes == ["war_memory", "tourism"]
    assert agreed(workshop(threshold=0.75), room).history.themes == ["war_memory"]
    assert agreed(workshop(threshold=0.25), room).history.themes == [
        "war_memory",
        "tourism",
        "agriculture",
    ]


def test_unanimity_keeps_only_what_everyone_named():
    room = themes_room({"war_memory": 4, "tourism": 3}, size=4)
    assert agreed(workshop(threshold=1.0), room).history.themes == ["war_memory"]


def test_the_threshold_is_read_when_agreeing_not_when_counting():
    room = themes_room({"war_memory": 3, "tourism": 1}, size=3)
    counted = aggregate(workshop(threshold=0.2), room)
    assert agreed_answers(workshop(threshold=0.5), counted).history.themes == ["war_memory"]


def test_the_facilitator_switches_items_both_ways():
    room = themes_room({"war_memory": 4, "tourism": 1}, size=4)
    w = workshop(overrides={"history.themes:war_memory": False, "history.themes:tourism": True})
    assert agreed(w, room).history.themes == ["tourism"]
    kept = workshop(overrides={"history.themes:war_memory": True})
    assert agreed(kept, room).history.themes == ["war_memory"]


def test_a_switch_on_a_yes_no_answer_nobody_ticked():
    people = [person("a", capacity={"staff_time": "part_time"})]
    assert not agreed(workshop(), people).capacity.written_strategy
    w = workshop(overrides={"capacity.written_strategy": True})
    assert agreed(w, people).capacity.written_strategy


def test_a_switch_on_a_place_holds_under_any_of_its_keys():
    ids = {("Ypres", "BE"): 2795100, ("Ieper", "BE"): 2795100}
    people = [
        person(
            "a",
            history={"connections": [{"place": "Ypres", "country": "BE", "kind": "war_and_peace"}]},
        ),
        person("b", history={"themes": ["war_memory"]}),
        person("c", history={"themes": ["war_memory"]}),
    ]
    w = workshop(overrides={"history.connections:name:ypres|BE": True})
    [place] = agreed(w, people, resolver=lambda n, c: ids.get((n, c))).history.connections
    assert place.place == "Ypres"
    assert agreed(workshop(), people).history.connections == []


def test_merged_places_keep_the_most_common_spelling_and_its_id():
    def connection(place: str, gid: int | None, **more: Any) -> dict[str, Any]:
        return {"place": place, "country": "BE", "kind": "war_and_peace", "geonameid": gid, **more}

    people = [
        person("a", history={"connections": [connection("Ieper", 2795100, period="1914-1918")]}),
        person("b", history={"connections": [connection("Ypres", 2795100)]}),
        person(
            "c", history={"connections": [connection("Ieper", 2795100, description="Menin Gate")]}
        ),
    ]
    [place] = agreed(workshop(), people).history.connections
    assert (place.place, place.geonameid, place.kind) == ("Ieper", 2795100, "war_and_peace")
    assert (place.period, place.description) == ("1914-1918", "Menin Gate")


def test_a_room_of_three_that_disagrees():
    ann = person(
        "Ann",
        history={"themes": ["war_memory", "tourism"], "notes": "The 1609 trading post"},
        ties={"sister_towns": [{"place": "Sarov", "country": "RU", "status": "dormant"}]},
        capacity={"staff_time": "full_time", "budget_band": "10k_to_50k", "dedicated_unit": True},
        goals={"aims": ["peace"], "partner_countries": ["NL"]},
    )
    ben = person(
        "Ben",
        history={"themes": ["war_memory", "agriculture"], "notes": "Koxinga"},
        ties={"sister_towns": [{"place": "sarov", "country": "RU", "status": "dormant"}]},
        capacity={"staff_time": "hours_per_month", "budget_band": "none", "dedicated_unit": True},
        goals={"aims": ["culture"], "partner_countries": ["NL", "TW"]},
    )
    cy = person(
        "Cy",
        history={"themes": ["tourism"]},
        ties={"networks": ["mayors_for_peace"]},
        capacity={"staff_time": "hours_per_week", "budget_band": "under_1k"},
        goals={"aims": ["peace"]},
    )
    result = agreed(workshop(), [ann, ben, cy])
    assert result.history.themes == ["war_memory", "tourism"]
    assert result.history.notes == "The 1609 trading post\n\nKoxinga"
    [sarov] = result.ties.sister_towns
    assert (sarov.place, sarov.status) == ("Sarov", "dormant")
    assert result.ties.networks == []
    assert (result.capacity.staff_time, result.capacity.budget_band) == (
        "hours_per_week",
        "under_1k",
    )
    assert result.capacity.dedicated_unit and not result.capacity.written_strategy
    assert result.goals.aims == ["peace"] and result.goals.partner_countries == ["NL"]
    assert result.municipality.name == "Hirado"


def test_an_even_split_of_estimates_takes_the_lower():
    people = [
        person("a", capacity={"staff_time": "full_time", "budget_band": "over_50k"}),
        person("b", capacity={"staff_time": "hours_per_month", "budget_band": "under_1k"}),
    ]
    capacity = agreed(workshop(), people).capacity
    assert (capacity.staff_time, capacity.budget_band) == ("hours_per_month", "under_1k")


def test_notes_carry_names_only_when_the_facilitator_opts_in():
    people = [
        person("Ann", goals={"notes": "More youth"}),
        person("Ben", goals={"notes": "More youth"}),
        person("", goals={"notes": "Less paper"}),
    ]
    assert agreed(workshop(), people).goals.notes == "More youth\n\nLess paper"
    named = agreed(workshop(names_in_report=True), people).goals.notes
    assert named == "Ann and Ben: More youth\n\nLess paper"


def test_long_pooled_notes_are_cut_to_fit():
    people = [person(str(i), history={"notes": f"{i} " + "x" * 3000}) for i in range(3)]
    notes = agreed(workshop(), people).history.notes
    assert len(notes) == 4000 and notes.endswith("…") and notes.startswith("0 x")


def test_parts_not_opened_come_from_the_starting_answers():
    base = load_example("hirado")
    w = workshop(parts=["history"], base=base, town=base.municipality)
    result = agreed(w, [person("a", history={"themes": ["war_memory"]}, assets=["seaport"])])
    assert result.history.themes == ["war_memory"]
    assert result.history.connections == []
    assert result.assets == base.assets and result.capacity == base.capacity
    assert result.ties == base.ties and result.goals == base.goals


def test_caps_keep_the_most_named_first():
    def connection(place: str) -> dict[str, Any]:
        return {"place": place, "country": "FR", "kind": "trade"}

    people = [
        person(f"p{i}", history={"connections": [connection(f"Town {i}")]}) for i in range(60)
    ]
    people += [person("q", history={"connections": [connection("Town 59")]})]
    result = agreed(workshop(threshold=0.01), people)
    places = [c.place for c in result.history.connections]
    assert len(places) == MAX_ITEMS
    assert places[:2] == ["Town 59", "Town 0"] and "Town 49" not in places


def test_the_agreed_answers_round_trip_as_an_answers_file():
    people = [person("a", **load_example("nagasaki").model_dump(exclude={"municipality"}))]
    people.append(person("b", history={"themes": ["war_memory"]}))
    result = agreed(workshop(), people)
    again = parse_answers(dump_answers(result), "agreed.yaml")
    assert again.model_dump(exclude={"progress"}) == result.model_dump(exclude={"progress"})
