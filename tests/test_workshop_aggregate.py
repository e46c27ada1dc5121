"""Pooling a room's answers: who answered what, shares, merged places, spread, notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import Assessment
from advisor.workshop.aggregate import (
    MAX_KEY,
    accepted,
    aggregate,
    answered_part,
    gazetteer_resolver,
    item_label,
    lower_median,
)
from advisor.workshop.model import PARTS, Participant, Workshop, WorkshopSettings

NOW = dt.datetime(2026, 3, 1, 10, 0)


def workshop(parts: list[str] | None = None, threshold: float = 0.5) -> Workshop:
    settings = WorkshopSettings(
        town={"name": "Hirado", "country": "JP", "population": 29000},
        parts=parts or list(PARTS),
        threshold=threshold,
    )
    return Workshop(code="K7QMX2", settings=settings, created_at=NOW, updated_at=NOW)


def person(name: str, done: list[str] | None = None, **answers: Any) -> Participant:
    return Participant(
        id=f"id-{name}",
        name=name,
        answers=Assessment.model_validate(answers),
        parts_done=done or [],
        updated_at=NOW,
    )


def conn(place: str, country: str, **more: Any) -> dict[str, Any]:
    return {"place": place, "country": country, "kind": more.pop("kind", "trade"), **more}


def tie(place: str, country: str, **more: Any) -> dict[str, Any]:
    return {"place": place, "country": country, **more}


def test_a_part_counts_as_answered_when_done_or_changed():
    done = person("a", done=["history"])
    changed = person("b", capacity={"staff_time": "part_time"})
    untouched = person("c")
    assert answered_part(done, "history") and not answered_part(done, "capacity")
    assert answered_part(changed, "capacity") and not answered_part(changed, "history")
    assert not any(answered_part(untouched, part) for part in PARTS)
    room = aggregate(workshop(), [done, changed, untouched])
    assert room.answered == {
        "history": 1,
        "specializations": 0,
        "ties": 0,
        "capacity": 1,
        "goals": 0,
    }


def test_shares_count_only_those_who_answered_the_part():
    people = [
        person("Ann", history={"themes": ["war_memory", "trade_port_heritage"]}),
        person("Ben", history={"themes": ["war_memory"]}),
        person("Cy", goals={"aims": ["peace"]}),
    ]
    room = aggregate(workshop(), people)
    war = room.item("history.themes:war_memory")
    trade = room.item("history.themes:trade_port_heritage")
    assert (war.count, war.share, war.names, war.consensus) == (2, 1.0, ["Ann", "Ben"], "agreed")
    assert (trade.count, trade.share, trade.consensus) == (1, 0.5, "agreed")
    peace = room.item("goals.aims:peace")
    assert (peace.part, peace.count, peace.share) == ("goals", 1, 1.0)


def test_items_of_every_kind_get_stable_keys_and_values():
    answers = {
        "history": {"themes": ["war_memory"], "connections": [conn("Ieper", "BE")]},
        "specializations": {
            "themes": ["science_research"],
            "institutions": [{"name": "Dutch Warehouse", "kind": "museum"}],
        },
        "assets": ["seaport"],
        "ties": {
            "sister_towns": [tie("Noordwijk", "NL", geonameid=2749812)],
            "networks": ["mayors_for_peace"],
            "partnerships": ["Youth football cup"],
        },
        "capacity": {"languages": ["ja"], "written_strategy": True},
        "goals": {"aims": ["peace"], "partner_countries": ["NL"]},
        "constraints": {"items": ["no_budget"]},
    }
    room = aggregate(workshop(), [person("a", **answers)])
    keys = {i.key for i in room.items}
    assert {
        "history.themes:war_memory",
        "history.connections:name:ieper|BE",
        "specializations.themes:science_research",
        "specializations.institutions:dutch warehouse|museum",
        "assets:seaport",
        "ties.sister_towns:geo:2749812",
        "ties.networks:mayors_for_peace",
        "ties.partnerships:youth football cup",
        "capacity.languages:ja",
        "capacity.written_strategy",
        "capacity.dedicated_unit",
        "goals.aims:peace",
        "goals.partner_countries:NL",
        "constraints.items:no_budget",
    } <= keys
    assert room.item("ties.partnerships:youth football cup").value == "Youth football cup"
    assert room.item("capacity.dedicated_unit").consensus == "none"
    assert room.item("capacity.written_strategy").consensus == "agreed"


def test_only_open_parts_are_pooled():
    answers = {"history": {"themes": ["war_memory"]}, "goals": {"aims": ["peace"]}}
    room = aggregate(workshop(parts=["goals"]), [person("a", **answers)])
    assert [i.key for i in room.items] == ["goals.aims:peace"]
    assert room.answered == {"goals": 1}


def test_places_with_one_geonames_id_merge_and_keep_every_spelling():
    people = [
        person("a", history={"connections": [conn("Ieper", "BE", geonameid=2795100)]}),
        person("b", history={"connections": [conn("Ypres", "BE", geonameid=2795100)]}),
        person("c", history={"connections": [conn("Ieper", "BE", geonameid=2795100)]}),
    ]
    room = aggregate(workshop(), people)
    [item] = room.items_of("history.connections")
    assert item.key == "history.connections:geo:2795100"
    assert (item.value, item.country, item.geonameid, item.count) == ("Ieper", "BE", 2795100, 3)
    assert [(s.name, s.count) for s in item.spellings] == [("Ieper", 2), ("Ypres", 1)]


def test_same_name_in_the_same_country_merges_whatever_the_case_and_accents():
    people = [
        person("a", ties={"sister_towns": [tie("Vaux-sur-Aure", "FR")]}),
        person("b", ties={"sister_towns": [tie("VAUX SUR AURE", "FR")]}),
        person("c", ties={"sister_towns": [tie("Vaux sur Aure", "BE")]}),
    ]
    room = aggregate(workshop(), people)
    towns = room.items_of("ties.sister_towns")
    assert [(i.key, i.count) for i in towns] == [
        ("ties.sister_towns:name:vaux sur aure|FR", 2),
        ("ties.sister_towns:name:vaux sur aure|BE", 1),
    ]


def test_names_a_resolver_places_at_one_id_merge():
    ids = {("Ypres", "BE"): 2795100, ("Ieper", "BE"): 2795100}
    people = [
        person("a", history={"connections": [conn("Ypres", "BE")]}),
        person("b", history={"connections": [conn("Ieper", "BE")]}),
    ]
    apart = aggregate(workshop(), people)
    assert len(apart.items_of("history.connections")) == 2
    merged = aggregate(workshop(), people, resolver=lambda name, cc: ids.get((name, cc)))
    [item] = merged.items_of("history.connections")
    assert (item.key, item.count, item.share) == ("history.connections:geo:2795100", 2, 1.0)
    assert "history.connections:name:ieper|BE" in item.aliases
    assert merged.item("history.connections:name:ypres|BE") is item
    # The resolver's id serves the merge; the place keeps the id the participants gave.
    assert item.connection.geonameid is None


def test_two_places_of_one_name_with_different_ids_stay_apart():
    people = [
        person("a", ties={"sister_towns": [tie("Springfield", "US", geonameid=4409896)]}),
        person("b", ties={"sister_towns": [tie("Springfield", "US", geonameid=4951788)]}),
        person("c", ties={"sister_towns": [tie("Springfield", "US", geonameid=4951788)]}),
        person("d", ties={"sister_towns": [tie("springfield", "US")]}),
    ]
    room = aggregate(workshop(), people)
    counts = {i.key: i.count for i in room.items_of("ties.sister_towns")}
    assert counts == {"ties.sister_towns:geo:4409896": 1, "ties.sister_towns:geo:4951788": 3}


def test_the_real_gazetteer_merges_ypres_and_ieper():
    people = [
        person("a", history={"connections": [conn("Ypres", "BE", kind="war_and_peace")]}),
        person("b", history={"connections": [conn("Ieper", "BE", kind="war_and_peace")]}),
        person("c", history={"connections": [conn("ieper", "BE", kind="war_and_peace")]}),
        person("d", history={"connections": [conn("Ypres", "FR", kind="war_and_peace")]}),
    ]
    room = aggregate(workshop(), people, resolver=gazetteer_resolver())
    places = room.items_of("history.connections")
    belgian = next(i for i in places if i.country == "BE")
    assert belgian.count == 3 and belgian.geonameid is not None
    assert belgian.key == f"history.connections:geo:{belgian.geonameid}"
    assert sorted(s.name for s in belgian.spellings) == ["Ieper", "Ypres", "ieper"]
    assert all(i.country == "FR" for i in places if i is not belgian)


def test_merged_places_keep_the_most_common_details():
    people = [
        person("a", ties={"sister_towns": [tie("Sarov", "RU", since=1994, status="dormant")]}),
        person("b", ties={"sister_towns": [tie("Sarov", "RU", since=1994, status="dormant")]}),
        person("c", ties={"sister_towns": [tie("Sarov", "RU", since=1995, notes="lab visits")]}),
    ]
    merged = aggregate(workshop(), people).items_of("ties.sister_towns")[0].sister_tie
    assert (merged.since, merged.status, merged.notes) == (1994, "dormant", "lab visits")
    half = aggregate(workshop(), people[1:]).items_of("ties.sister_towns")[0].sister_tie
    assert half.status == "active" and half.since == 1994


def test_institutions_merge_by_name_and_kind_texts_by_folded_text():
    people = [
        person("a", specializations={"institutions": [{"name": "Kaikan", "kind": "museum"}]}),
        person(
            "b",
            specializations={
                "institutions": [
                    {"name": "KAIKAN", "kind": "museum", "description": "old hall"},
                    {"name": "Kaikan", "kind": "school"},
                ]
            },
        ),
        person("c", capacity={"citizen_associations": ["Friends of Sarov", "friends of  sarov!"]}),
        person("d", capacity={"citizen_associations": ["Friends of Sarov"]}),
    ]
    room = aggregate(workshop(), people)
    museum = room.item("specializations.institutions:kaikan|museum")
    assert museum.count == 2 and museum.institution.description == "old hall"
    assert room.item("specializations.institutions:kaikan|school").count == 1
    [friends] = room.items_of("capacity.citizen_associations")
    assert (friends.value, friends.count) == ("Friends of Sarov", 2)


def test_capacity_spread_in_scale_order_with_the_lower_median():
    people = [
        person("a", capacity={"staff_time": "full_time", "budget_band": "under_1k"}),
        person("b", capacity={"staff_time": "hours_per_week", "budget_band": "1k_to_10k"}),
        person("c", capacity={"staff_time": "hours_per_month"}, done=["capacity"]),
        person("d", capacity={"staff_time": "part_time", "budget_band": "over_50k"}),
        person("e", history={"themes": ["war_memory"]}),
    ]
    room = aggregate(workshop(), people)
    assert list(room.staff_time.counts.items()) == [
        ("none", 0),
        ("hours_per_month", 1),
        ("hours_per_week", 1),
        ("part_time", 1),
        ("full_time", 1),
    ]
    assert room.staff_time.median == "hours_per_week"
    assert room.budget_band.counts["none"] == 1 and room.budget_band.median == "under_1k"
    assert aggregate(workshop(), people[4:]).staff_time.median is None


def test_lower_median_and_the_acceptance_rule():
    scale = ["none", "low", "mid", "high"]
    assert lower_median(["high", "low", "mid"], scale) == "mid"
    assert lower_median(["high", "low"], scale) == "low"
    assert accepted(1, 2, 0.5) and not accepted(1, 3, 0.5)
    assert accepted(7, 10, 0.7) and not accepted(6, 10, 0.7)
    assert accepted(3, 3, 1.0) and not accepted(2, 3, 1.0) and not accepted(0, 0, 0.5)


def test_notes_keep_their_writers_for_the_facilitator():
    people = [
        person("Ann", history={"notes": "The 1609 trading post"}),
        person("", history={"themes": ["war_memory"]}),
        person("Cy", goals={"notes": "More youth"}, constraints={"notes": "No money"}),
    ]
    notes = aggregate(workshop(), people).notes
    assert [(n.field, n.name, n.text) for n in notes] == [
        ("history.notes", "Ann", "The 1609 trading post"),
        ("goals.notes", "Cy", "More youth"),
        ("constraints.notes", "Cy", "No money"),
    ]


def test_progress_counts_done_parts_among_the_open_ones():
    people = [person("a", done=["history", "ties", "capacity"]), person("b")]
    room = aggregate(workshop(parts=["history", "ties"]), people)
    assert [(p.name, p.done, p.total, p.parts_done) for p in room.progress] == [
        ("a", 2, 2, ["history", "ties"]),
        ("b", 0, 2, []),
    ]


def test_consensus_and_the_split_summary():
    themes = [["war_memory", "peace_advocacy"], ["war_memory"], ["war_memory"], ["war_memory"]]
    themes += [["war_memory", "trade_port_heritage"]] * 6
    people = [person(str(i), history={"themes": t}) for i, t in enumerate(themes)]
    room = aggregate(workshop(threshold=0.7), people)
    assert room.item("history.themes:war_memory").consensus == "agreed"
    assert room.item("history.themes:trade_port_heritage").consensus == "divergent"
    assert room.item("history.themes:peace_advocacy").consensus == "divergent"
    [history] = [s for s in room.summary if s.part == "history"]
    assert (history.answered, history.items, history.agreed, history.divergent) == (10, 3, 1, 2)
    assert history.split == ["history.themes:trade_port_heritage"]


def test_a_very_long_text_gets_a_short_key():
    text = "ﷺ" * 200
    room = aggregate(workshop(), [person("a", ties={"partnerships": [text]})])
    [item] = room.items_of("ties.partnerships")
    assert len(item.key) <= MAX_KEY and item.value == text


@pytest.mark.parametrize(
    ("field", "value", "country", "label"),
    [
        ("history.themes", "war_memory", None, None),
        ("goals.partner_countries", "NL", None, "The Netherlands"),
        ("history.connections", "Ieper", "BE", "Ieper, Belgium"),
        ("capacity.written_strategy", "written_strategy", None, "Written international strategy"),
        ("ties.partnerships", "Cup", None, "Cup"),
    ],
)
def test_item_labels(field, value, country, label):
    k = default_knowledge()
    expected = label or k.label("theme", value)
    assert item_label(field, value, country, k) == expected
    assert expected != value or field == "ties.partnerships"
