"""The shipped knowledge base: complete, sourced and consistent."""

from __future__ import annotations

from collections import Counter

import pytest

from advisor.geo.countries import continent_of
from advisor.knowledge.load import default_knowledge

K = default_knowledge()
SEED_CASES = {"nagasaki", "hirado", "los_alamos", "vaux_sur_aure_sotome"}


def test_seed_cases_are_present():
    assert set(K.cases) >= SEED_CASES


def test_at_least_eight_more_small_towns_from_four_continents():
    others = [c for c in K.cases.values() if c.id not in SEED_CASES]
    small = [c for c in others if c.population.value < 100_000]
    assert len(small) >= 8
    assert len({continent_of(c.country) for c in small}) >= 4


def test_cases_show_both_paths():
    paths = Counter(c.path for c in K.cases.values())
    assert paths["history"] >= 3 and paths["specialization"] >= 3


def test_at_least_forty_two_networks_including_big_city_contrast():
    assert len(K.networks) >= 42
    assert {"c40", "urban20"} <= set(K.networks)


LATIN_AMERICA = {"AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA"}
LATIN_AMERICA |= {"PE", "PY", "SV", "UY", "VE"}
SOUTH_AND_SOUTHEAST_ASIA = {"BD", "BN", "BT", "ID", "IN", "KH", "LA", "LK", "MM", "MV", "MY"}
SOUTH_AND_SOUTHEAST_ASIA |= {"NP", "PH", "PK", "SG", "TH", "TL", "VN"}
MIDDLE_EAST = {"AE", "BH", "CY", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA"}
MIDDLE_EAST |= {"SA", "SY", "TR", "YE"}


def test_reference_cases_cover_the_world_and_stay_small():
    """At least 32 cases, all under 100,000 except the seed city Nagasaki, with at least
    three each from Africa, Latin America, South or Southeast Asia and Oceania, and two
    from the Middle East."""
    from advisor.geo.countries import continent_of

    cases = list(K.cases.values())
    assert len(cases) >= 32
    assert [c.id for c in cases if c.population.value >= 100_000] == ["nagasaki"]
    countries = [c.country for c in cases]
    assert sum(continent_of(c) == "AF" and c not in MIDDLE_EAST for c in countries) >= 3
    assert sum(c in LATIN_AMERICA for c in countries) >= 3
    assert sum(c in SOUTH_AND_SOUTHEAST_ASIA for c in countries) >= 3
    assert sum(continent_of(c) == "OC" for c in countries) >= 3
    assert sum(c in MIDDLE_EAST for c in countries) >= 2


def test_support_programmes_serve_at_least_fifteen_countries():
    countries: set[str] = set()
    for programme in K.programmes.values():
        found = programme.applies_to.model_dump(exclude_none=True)
        countries |= set(_country_codes(found))
    assert len(countries) >= 15, sorted(countries)


def _country_codes(node: object) -> list[str]:
    """Country codes named in a condition (``country: [SE]`` anywhere inside it)."""
    if isinstance(node, dict):
        return [
            code
            for key, value in node.items()
            for code in (
                value if key == "country" and isinstance(value, list) else _country_codes(value)
            )
        ]
    if isinstance(node, list):
        return [code for item in node for code in _country_codes(item)]
    return []


def test_at_least_three_hundred_curated_places_each_a_town_with_an_id():
    places = [p for group in K.places.values() for p in group.places]
    assert len(places) >= 300
    towns = [p for p in places if p.not_a_town is None]
    missing = [f"{p.name} ({p.country})" for p in towns if p.geonameid is None]
    assert not missing, missing


def test_networks_from_the_research_notes_are_all_there():
    expected = {
        "mayors_for_peace",
        "sister_cities_international",
        "covenant_of_mayors",
        "cities_race_to_zero",
        "iclei",
        "uclg",
        "who_age_friendly",
        "who_european_healthy_cities",
        "strong_cities_network",
        "fair_trade_towns",
        "u4ssc",
        "cittaslow",
        "douzelage",
        "intercultural_cities",
        "owhc",
        "league_of_historical_cities",
        "unesco_creative_cities",
        "unesco_learning_cities",
        "world_technopolis_association",
        "gmf_europe",
        "via_francigena",
    }
    assert expected <= set(K.networks)


@pytest.mark.parametrize("network", sorted(K.networks))
def test_every_network_says_how_to_join_and_what_it_costs(network):
    net = K.networks[network]
    assert net.how_to_join and net.fees.text and net.url.startswith("http")
    cited = {
        k
        for fact in [
            net.fees,
            net.application,
            *net.how_to_join,
            *net.commitments,
            *net.eligibility,
        ]
        for k in fact.source_keys
    }
    assert cited <= set(net.sources)


def test_big_city_networks_exclude_small_towns_by_rule():
    for ident in ("c40", "urban20"):
        required = [r for r in K.networks[ident].eligibility if r.strength == "required"]
        assert any("population" in r.requires.model_dump_json() for r in required), ident


def test_country_programmes_cover_the_named_countries():
    names = set(K.programmes)
    assert {
        "clair_sister_city_support",
        "jet_programme_cir",
        "cerv_town_twinning",
        "sister_cities_international_services",
        "lga_town_twinning_partner_search",
        "afccre_twinning_support",
        "covenant_of_mayors_support",
    } <= names


def test_every_vocabulary_term_is_used_or_offered():
    themes = K.terms("themes")
    assert len(themes) >= 25
    for term in themes.values():
        assert term.kind in ("history", "specialization", "both"), term.id


def test_ids_are_unique_across_plan_steps():
    ids = [s.id for s in K.rules.plan]
    assert len(ids) == len(set(ids))


def test_versions_name_the_content():
    assert K.data_version.startswith("2026.") and "+" in K.data_version
    assert K.rules_version.startswith("2026.") and "+" in K.rules_version


def test_every_case_cites_its_population_and_actions():
    for case in K.cases.values():
        assert case.population.source_keys, case.id
        assert all(a.source_keys for a in case.actions), case.id
        assert all(tie.source_keys for tie in case.ties), case.id


def test_curated_places_cover_the_main_paths():
    places = [p for group in K.places.values() for p in group.places]
    assert len(places) >= 90
    themes = {th for p in places for th in p.themes}
    assert {
        "science_research",
        "trade_port_heritage",
        "missionary_faith",
        "war_memory",
        "disaster_recovery",
        "migration_diaspora",
        "crafts_folk_art",
        "fair_trade",
    } <= themes
    for group in K.places.values():
        for place in group.places:
            assert set(place.source_keys) <= set(group.sources), place.name


def test_common_themes_weigh_less_than_distinctive_ones():
    themes = K.terms("themes")
    assert themes["tourism"].weight < themes["missionary_faith"].weight == 1.0
