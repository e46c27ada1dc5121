"""Matching rewards what sets a town apart, and only links abroad count as links
(issue 10, item 6)."""

from __future__ import annotations

from typing import Any

import yaml

from advisor.answers import parse_answers
from advisor.knowledge.load import default_knowledge
from advisor.matching import compare, linked_countries, match_cases
from advisor.model.assessment import Assessment
from advisor.town_facts import facts_for


def answers(**sections: Any) -> Assessment:
    raw: dict[str, Any] = {
        "schema_version": 1,
        "municipality": {"name": "Seaside", "country": "JP", "population": 13000},
        "history": {"themes": [], "connections": []},
        "specializations": {"themes": []},
        "capacity": {"staff_time": "part_time", "budget_band": "1k_to_10k"},
        "goals": {"aims": ["heritage_tourism", "culture", "youth_exchange"]},
    }
    raw |= sections
    return parse_answers(yaml.safe_dump(raw, allow_unicode=True), "test")


def matches(assessment: Assessment) -> list[Any]:
    knowledge = default_knowledge()
    return match_cases(assessment, facts_for(assessment, knowledge), knowledge)


def test_a_sister_town_at_home_is_not_a_link_abroad():
    town = answers(
        history={"themes": ["crafts_folk_art"], "connections": []},
        ties={"sister_towns": [{"place": "Kyoto", "country": "JP", "since": 1990}]},
        goals={"aims": ["culture"], "partner_countries": ["JP", "FR"]},
    )
    assert linked_countries(town) == {"FR"}
    reasons = [r for m in matches(town) for r in m.reasons]
    assert not any("Japan" in r and "linked to" in r for r in reasons), reasons


def test_a_person_link_abroad_outweighs_same_size_and_same_goals():
    """A fishing town whose son lived abroad, of a pilgrimage town's size and with its very
    goals, is closest to a case whose path began with a person abroad."""
    town = answers(
        history={
            "themes": ["notable_person", "fisheries"],
            "connections": [
                {"place": "Fairhaven", "country": "US", "kind": "person", "period": "1843"}
            ],
        },
        specializations={"themes": ["fisheries", "tourism"]},
    )
    found = matches(town)
    knowledge = default_knowledge()
    top = knowledge.cases[found[0].id].profile
    assert "person" in top.connection_kinds and "notable_person" in top.history_themes
    assert found[0].id != "lourdes"
    assert any(r.startswith("what sets both apart: ") for r in found[0].reasons)


def test_towns_without_a_distinctive_trait_are_compared_as_before():
    town = answers(specializations={"themes": ["tourism"]})
    knowledge = default_knowledge()
    facts = facts_for(town, knowledge)
    for case in knowledge.cases.values():
        assert "distinctive_history" not in {p.name for p in compare(town, facts, case, knowledge)}


def test_the_distinctive_share_counts_both_sides():
    """Shared traits over the geometric mean of both counts: a town of war and disaster
    shares one of two traits with Gernika (war; its other trait, a war-and-peace link) and
    one of two with Minamisanriku (disaster; its other, a disaster-aid link)."""
    town = answers(
        history={
            "themes": ["war_memory", "disaster_recovery"],
            "connections": [],
        }
    )
    knowledge = default_knowledge()
    facts = facts_for(town, knowledge)
    parts = {
        case.id: {p.name: p.similarity for p in compare(town, facts, case, knowledge)}
        for case in knowledge.cases.values()
    }
    assert parts["gernika_lumo"]["distinctive_history"] == 0.5
    assert parts["minamisanriku"]["distinctive_history"] == 0.5


def test_a_case_with_many_kinds_of_history_is_not_closest_by_breadth_alone():
    """A town of emigrants whose link abroad is a person shares one trait each with a case
    built on emigration alone and with a case that names every kind of link; the narrower
    case, whose whole story is the shared trait, is the closer."""
    knowledge = default_knowledge()
    town = answers(
        history={
            "themes": ["migration_diaspora"],
            "connections": [{"place": "Kauai", "country": "US", "kind": "person"}],
        }
    )
    facts = facts_for(town, knowledge)
    share = {
        case.id: {p.name: p.similarity for p in compare(town, facts, case, knowledge)}[
            "distinctive_history"
        ]
        for case in knowledge.cases.values()
    }
    assert share["suo_oshima"] > share["hirado"] > 0
