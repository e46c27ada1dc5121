"""Network fit weighs the town's size and country (issue 10, item 5): a village is not sent
first to a club of big historic cities, another country's national association comes after the
town's own, Douzelage says whether the country's seat is taken, and C40 counts the metro area."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answers import load_answers
from advisor.assess import assess
from advisor.knowledge.load import default_knowledge
from advisor.knowledge.models import TypicalPopulation
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.networks import _scale, own_national_bodies
from advisor.town_facts import facts_for

ROOT = Path(__file__).resolve().parents[1]
VAUX = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml")
NAGASAKI = load_answers(ROOT / "examples" / "nagasaki.yaml")
K = default_knowledge()


def town(base: Assessment = VAUX, **municipality: object) -> Assessment:
    """A copy of ``base`` with other municipality fields, and no ties to keep it neutral."""
    copy = base.model_copy(deep=True)
    for key, value in municipality.items():
        setattr(copy.municipality, key, value)
    copy.ties.sister_towns = []
    copy.ties.networks = []
    return copy


def eligible(result: Result) -> dict[str, object]:
    return {n.id: n for n in [*result.networks, *result.other_networks]}


def test_typical_population_needs_a_sane_bound():
    with pytest.raises(ValueError):
        TypicalPopulation(source="x")
    with pytest.raises(ValueError):
        TypicalPopulation(min=10, max=5, source="x")


@pytest.mark.parametrize(
    ("population", "penalty"), [(10_000, 0.0), (50_000, 0.0), (1_000, 0.25), (100, 0.5), (10, 0.5)]
)
def test_scale_penalty_grows_per_tenfold_and_is_capped(population, penalty):
    net = K.networks["league_of_historical_cities"]
    facts = facts_for(town(population=population), K)
    value, text = _scale(net, facts, K.rules.network_fit)
    assert value == pytest.approx(penalty)
    assert (text is None) == (penalty == 0)


def test_network_without_typical_size_loses_nothing():
    facts = facts_for(town(population=50), K)
    assert _scale(K.networks["mayors_for_peace"], facts, K.rules.network_fit) == (0.0, None)


def test_village_is_told_why_a_big_city_network_fits_less():
    lhc = eligible(assess(town(population=1_000)))["league_of_historical_cities"]
    assert any("usually larger" in c and "10,000" in c for c in lhc.cautions)


def test_foreign_national_body_comes_after_the_towns_own_with_a_reason():
    result = assess(_au())
    order = [n.id for n in [*result.networks, *result.other_networks]]
    assert order.index("national_sister_cities_australia") < order.index(
        "sister_cities_international"
    )
    sci = eligible(result)["sister_cities_international"]
    assert any("Sister Cities Australia" in c for c in sci.cautions)
    own = eligible(result)["national_sister_cities_australia"]
    assert any("national twinning association of Australia" in r for r in own.reasons)


def _au() -> Assessment:
    copy = town(country="AU", population=8_000)
    copy.capacity.languages = ["en"]
    return copy


def test_us_town_keeps_sister_cities_international_without_the_caution():
    result = assess(town(country="US", population=8_000))
    sci = eligible(result)["sister_cities_international"]
    assert not any("national association whose home country" in c for c in sci.cautions)


def test_other_countries_national_bodies_are_not_listed_as_closed():
    result = assess(town(population=1_000))
    listed = {n.id for n in result.not_eligible} | set(eligible(result))
    assert "national_afccre" in listed
    assert not listed & {"national_clair", "national_sister_cities_australia"}
    assert [n.id for n in own_national_bodies(facts_for(town(), K), K)] == ["national_afccre"]


def test_douzelage_says_the_seat_is_taken():
    result = assess(town(population=5_000))  # France: Granville holds the seat
    (dz,) = [n for n in result.not_eligible if n.id == "douzelage"]
    assert any("Douzelage seat is taken" in r for r in dz.reasons)


def test_douzelage_is_open_where_no_member_town_is_listed():
    result = assess(town(country="PL", population=5_000))
    assert "douzelage" in eligible(result)


def test_c40_city_of_27_million_is_not_refused():
    result = assess(town(NAGASAKI, population=2_700_000))
    c40 = eligible(result)["c40"]
    assert any("3,000,000" in c for c in c40.cautions)  # the Innovator route, as a caution


def test_c40_metro_area_counts_for_megacity_status():
    result = assess(town(NAGASAKI, population=2_700_000, metro_population=19_000_000))
    c40 = eligible(result)["c40"]
    assert not any("Megacity membership" in c for c in c40.cautions)
    assert any("metro-area population 19,000,000" in r for r in c40.reasons)


def test_c40_still_closed_to_a_town():
    result = assess(town(NAGASAKI, population=400_000))
    assert "c40" in {n.id for n in result.not_eligible}
