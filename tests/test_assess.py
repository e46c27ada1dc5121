"""``assess`` on the examples and on hand-made towns: eligibility, reasons, adaptation."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.errors import InputError
from advisor.model.assessment import Assessment, Municipality
from advisor.model.result import Result

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.stem: load_answers(p) for p in sorted((ROOT / "examples").glob("*.yaml"))}
OWN_CASE = {
    "hirado": "hirado",
    "nagasaki": "nagasaki",
    "los_alamos": "los_alamos",
    "vaux_sur_aure": "vaux_sur_aure_sotome",
}


def items(result: Result) -> list:
    return [
        *result.matches,
        *result.networks,
        *result.other_networks,
        *result.not_eligible,
        *result.current_networks,
        *result.partners,
        *result.plan,
    ]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_example_matches_its_own_case_first(name):
    assert assess(EXAMPLES[name]).matches[0].id == OWN_CASE[name]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_item_is_explained(name):
    for item in items(assess(EXAMPLES[name])):
        assert item.reasons and all(isinstance(r, str) and r.strip() for r in item.reasons)
        assert "{" not in " ".join(item.reasons), item


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_network_is_recommended_that_the_town_may_not_join(name):
    result = assess(EXAMPLES[name])
    recommended = {n.id for n in result.networks} | {n.id for n in result.other_networks}
    assert not recommended & {n.id for n in result.not_eligible}
    assert not recommended & {n.id for n in result.current_networks}


def test_no_c40_for_a_town_of_29000():
    result = assess(EXAMPLES["hirado"])
    assert "c40" in {n.id for n in result.not_eligible}
    (c40,) = [n for n in result.not_eligible if n.id == "c40"]
    assert "population 29,000 is under 500,000" in c40.reasons[0]


@pytest.mark.parametrize(("population", "open_"), [(300, True), (49_999, True), (50_000, False)])
def test_cittaslow_only_under_50000(population, open_):
    town = EXAMPLES["hirado"].model_copy(deep=True)
    town.municipality.population = population
    result = assess(town)
    assert ("cittaslow" in {n.id for n in result.not_eligible}) is not open_


def test_scores_are_ranked_and_bounded():
    result = assess(EXAMPLES["los_alamos"])
    for ranked in (result.matches, result.networks, result.partners):
        scores = [i.score for i in ranked]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 1 for s in scores)


def test_current_memberships_are_listed_apart():
    result = assess(EXAMPLES["hirado"])
    assert {n.id for n in result.current_networks} == {"mayors_for_peace", "cities_race_to_zero"}


def test_dormant_tie_is_revived_not_proposed_as_new():
    result = assess(EXAMPLES["los_alamos"])
    (sarov,) = [p for p in result.partners if p.name == "Sarov"]
    assert sarov.kind == "revive"
    assert any("dormant" in r for r in sarov.reasons)
    assert "revive_dormant_tie.sarov" in {s.id for s in result.plan}


def test_active_partner_is_never_suggested():
    result = assess(EXAMPLES["nagasaki"])
    assert not {"Porto", "Saint Paul", "Leiden", "Fuzhou"} & {p.name for p in result.partners}


def test_declared_connection_comes_first():
    result = assess(EXAMPLES["hirado"])
    assert result.partners[0].name == "Tainan"
    assert "your own answers" in {s.title for s in result.partners[0].sources}


def _village(**capacity) -> Assessment:
    base = EXAMPLES["vaux_sur_aure"].model_copy(deep=True)
    for key, value in capacity.items():
        setattr(base.capacity, key, value)
    return base


def test_plan_adapts_to_capacity():
    volunteers = assess(_village())
    coordinated = assess(_village(international_coordinator=True, staff_time="full_time"))
    who_v = {s.id: s.who for s in volunteers.plan}
    who_c = {s.id: s.who for s in coordinated.plan}
    assert "committee" in who_v["first_visible_project"]
    assert "international coordinator" in who_c["first_visible_project"]
    assert volunteers.meta.capacity_level == "volunteer"
    assert "write_short_strategy" in who_c and "write_short_strategy" not in who_v


def test_plan_points_to_the_country_programmes():
    french = assess(EXAMPLES["vaux_sur_aure"])
    japanese = assess(EXAMPLES["hirado"])
    french_resources = {r.id for s in french.plan for r in s.resources}
    japanese_resources = {r.id for s in japanese.plan for r in s.resources}
    assert "cerv_town_twinning" in french_resources
    assert not {r for r in french_resources if r.startswith(("clair", "jet"))}
    assert "clair_sister_city_support" in japanese_resources
    assert "cerv_town_twinning" not in japanese_resources


def test_plan_is_ordered_by_horizon():
    order = ["first_3_months", "first_year", "one_to_three_years"]
    horizons = [order.index(s.horizon) for s in assess(EXAMPLES["los_alamos"]).plan]
    assert horizons == sorted(horizons)


def test_incomplete_answers_are_refused_with_the_missing_fields():
    with pytest.raises(InputError) as caught:
        assess(Assessment(municipality=Municipality(name="X")))
    assert {p.field for p in caught.value.problems} == {
        "municipality.country",
        "municipality.population",
    }


def test_same_answers_give_the_same_result():
    assert assess(EXAMPLES["hirado"]) == assess(EXAMPLES["hirado"])


def test_a_tiny_town_with_nothing_declared_still_gets_a_plan():
    town = parse_answers("municipality: {name: Nowhere, country: BR, population: 800}\n", "t")
    result = assess(town)
    assert result.plan and result.plan[0].horizon == "first_3_months"
    assert "c40" in {n.id for n in result.not_eligible}


def test_size_alone_does_not_make_a_town_like_a_case():
    town = parse_answers(
        "municipality: {name: Plainville, country: IT, population: 29000}\n"
        "goals: {partner_countries: [BE]}\n",
        "t",
    )
    assert all(m.score < 0.4 for m in assess(town).matches)
