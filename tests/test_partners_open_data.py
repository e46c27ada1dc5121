"""Partner suggestions on the real data: traceable, ranked, never an active partner."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.knowledge.load import default_knowledge
from advisor.opendata.bundle import open_data
from advisor.opendata.covenant import peers

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data():
    return open_data()


def example(name):
    return load_answers(ROOT / "examples" / f"{name}.yaml")


def test_declared_connection_to_a_real_place_comes_first_and_is_resolved(data):
    result = assess(example("hirado"), open_data=data)
    top = result.partners[0]
    assert top.name == "Tainan" and top.geonameid and top.population and top.lat
    assert any("geonames.org" in (s.url or "") for s in top.sources)


def test_no_active_partner_is_suggested_as_new(data):
    for name in ("nagasaki", "hirado", "vaux_sur_aure"):
        answers = example(name)
        active = {(t.place, t.country) for t in answers.ties.sister_towns if t.status == "active"}
        suggested = {(p.name, p.country) for p in assess(answers, open_data=data).partners}
        assert not active & suggested, name


def test_an_active_partner_known_under_another_name_is_not_suggested(data):
    answers = parse_answers(
        "municipality: {name: Leiden, country: NL, population: 125000}\n"
        "ties: {sister_towns: [{place: Nagasaki, country: JP, status: active}]}\n"
        "history: {connections: [{place: Nagasaki-shi, country: JP, kind: trade}]}\n",
        "t",
    )
    names = {p.name for p in assess(answers, open_data=data).partners}
    assert "Nagasaki-shi" not in names and "Nagasaki" not in names


def test_dormant_tie_is_offered_for_revival(data):
    sarov = next(
        p for p in assess(example("los_alamos"), open_data=data).partners if p.name == "Sarov"
    )
    assert sarov.kind == "revive" and sarov.geonameid == 498525


def test_partners_of_partners_come_from_the_twinning_graph(data):
    partners = assess(example("vaux_sur_aure"), open_data=data).partners
    via_nagasaki = [p for p in partners if any("your partner Nagasaki" in r for r in p.reasons)]
    assert via_nagasaki
    assert all(any("Wikipedia" in s.title for s in p.sources) for p in via_nagasaki)


def test_active_twinners_are_in_the_named_countries_and_of_similar_size(data):
    answers = example("hirado")
    twinners = [
        p
        for p in assess(answers, open_data=data).partners
        if any("experienced twinner" in r for r in p.reasons)
    ]
    assert twinners
    for p in twinners:
        assert p.country in answers.goals.partner_countries
        assert 29000 / 10 < p.population < 29000 * 10


def test_every_suggestion_is_explained_and_sourced(data):
    for name in ("hirado", "los_alamos", "nagasaki", "vaux_sur_aure"):
        for p in assess(example(name), open_data=data).partners:
            assert p.reasons and p.sources and 0 <= p.score <= 1
            assert p.kind in ("new", "revive")


def test_a_town_missing_from_the_gazetteer_works_by_hand(data):
    answers = example("vaux_sur_aure")
    assert answers.municipality.geonameid is None
    assert not [h for h in data.gazetteer.search("Vaux-sur-Aure", "FR") if h.match == "exact"]
    result = assess(answers, open_data=data)
    assert result.matches[0].id == "vaux_sur_aure_sotome" and result.partners


def test_covenant_advice_names_real_peers(data):
    answers = parse_answers(
        "municipality: {name: Bra, country: IT, population: 29000}\n"
        "goals: {aims: [climate_energy]}\n",
        "t",
    )
    result = assess(answers, open_data=data)
    advice = next(
        n for n in [*result.networks, *result.other_networks] if n.id == "covenant_of_mayors"
    )
    count = len(peers(data.covenant, "IT", 29000))
    assert count > 50
    assert advice.evidence[0].startswith(
        f"{count:,} towns of 20,000 to 50,000 inhabitants in Italy"
    )


def test_without_open_data_the_core_still_suggests(data):
    result = assess(example("hirado"))
    assert result.partners[0].name == "Tainan" and result.partners[0].geonameid is None


def test_curated_places_that_share_a_distinctive_theme_are_suggested(data):
    partners = assess(example("vaux_sur_aure"), open_data=data).partners
    themed = {
        p.name: p for p in partners if any(r.startswith("shares your themes") for r in p.reasons)
    }
    assert len(themed) >= 2
    assert all("Missionary and faith links" in p.reasons[0] for p in themed.values())
    faith = [
        place.name
        for group in default_knowledge().places.values()
        for place in group.places
        if "missionary_faith" in place.themes
    ]
    assert set(themed) <= set(faith)


def test_a_shared_common_theme_alone_is_not_enough(data):
    answers = parse_answers(
        "municipality: {name: Smallfarm, country: FR, population: 900}\n"
        "specializations: {themes: [agriculture]}\n",
        "t",
    )
    partners = assess(answers, open_data=data).partners
    assert not [p for p in partners if any(r.startswith("shares your themes") for r in p.reasons)]


def test_members_of_the_towns_own_listed_network_are_suggested(data):
    answers = parse_answers(
        "municipality: {name: Bra, country: IT, population: 29000}\n"
        "ties: {networks: [covenant_of_mayors]}\ngoals: {partner_countries: [ES]}\n",
        "t",
    )
    peers_found = [
        p
        for p in assess(answers, open_data=data).partners
        if any("has also joined Covenant of Mayors" in r for r in p.reasons)
    ]
    assert peers_found and all(p.country == "ES" and p.geonameid for p in peers_found)
    assert all(29000 / 4 < p.population < 29000 * 4 for p in peers_found)
